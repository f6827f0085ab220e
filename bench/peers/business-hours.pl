#!/usr/bin/perl
# Peer: Business::Hours (CPAN; Debian libbusiness-hours-perl), on the comparison workload.
#
#   perl business-hours.pl WORKLOAD.tsv HOLIDAYS.txt > out.tsv
#
# Calendar: Mon-Fri 08:00-18:00 in America/New_York (Business::Hours works in the process's
# local time, so TZ is set and tzset() called), holidays (one YYYY-MM-DD a line) through its
# `holidays` setting. Each deadline is $hours->add_seconds($start, $seconds).
# Output: `id<TAB>deadline` (seconds since the epoch; -1 where add_seconds gives up: it searches
# at most 30 calendar days ahead). Timing: Time::HiRes around the loop of add_seconds calls
# alone (input read before, output written after). Prints `ops=N ns_per_op=X` to standard error.
use strict;
use warnings;
use POSIX qw(tzset);
use Time::HiRes qw(time);
use Business::Hours;

my ($workload_path, $holidays_path) = @ARGV;
die "usage: perl business-hours.pl WORKLOAD.tsv HOLIDAYS.txt\n" unless defined $holidays_path;

$ENV{TZ} = 'America/New_York';
tzset();

open my $hf, '<', $holidays_path or die "$holidays_path: $!\n";
chomp(my @holidays = grep { /\S/ } <$hf>);
close $hf;

my $hours = Business::Hours->new();
my %open = (Start => '08:00', End => '18:00');
$hours->business_hours(
    0 => { Name => 'Sunday', Start => undef, End => undef },
    (map { $_ => { Name => "day $_", %open } } 1 .. 5),
    6 => { Name => 'Saturday', Start => undef, End => undef },
    holidays => [@holidays],
);

open my $wf, '<', $workload_path or die "$workload_path: $!\n";
my (@ids, @starts, @seconds);
while (my $line = <$wf>) {
    chomp $line;
    next unless length $line;
    my ($id, $start, $seconds) = split /\t/, $line;
    push @ids, $id;
    push @starts, $start;
    push @seconds, $seconds;
}
close $wf;

my @results;
my $began = time();
for my $i (0 .. $#ids) {
    $results[$i] = $hours->add_seconds($starts[$i], $seconds[$i]);
}
my $elapsed = time() - $began;

print join("\n", map { "$ids[$_]\t$results[$_]" } 0 .. $#ids), "\n";
printf STDERR "ops=%d ns_per_op=%.1f\n", scalar(@ids), @ids ? $elapsed * 1e9 / @ids : 0;
