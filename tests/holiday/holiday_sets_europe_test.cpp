// Holiday sets of Germany (nationwide, Bavaria, Berlin), France, Spain, Italy, the Netherlands
// and Brazil against dates typed by hand from the laws and official lists each set names in its
// `sources` (the YAML headers say which days are deliberately left out, and why). Easter Sundays
// used below, from tests/data/holiday/easter-1900-2200.txt: 1993-04-11, 1994-04-03, 2000-04-23,
// 2005-03-27, 2006-04-16, 2011-04-24, 2013-03-31, 2014-04-20, 2017-04-16, 2018-04-01,
// 2019-04-21, 2020-04-12, 2021-04-04, 2022-04-17, 2023-04-09, 2024-03-31, 2025-04-20,
// 2026-04-05, 2027-03-28, 2028-04-16. Good Friday is Easter − 2, Easter Monday + 1, Ascension +39
// (a Thursday), Whit Sunday +49, Whit Monday +50, Corpus Christi +60 (a Thursday).
#include <catch2/catch.hpp>

#include <sla/holiday.hpp>

#include "holiday/holiday_test_support.hpp"

#include <cstdio>
#include <set>
#include <string>

namespace {

using holiday_test::text;
using holiday_test::load;

using namespace std::chrono;



// Every date the set closes for the holidays of `year` (observed dates).
std::set<std::string> dates_of(const sla::holiday_set& set, int year) {
  std::set<std::string> out;
  for (const auto& o : sla::holidays_of(set, year, year)) out.insert(text(o.date));
  return out;
}

// The observed and own dates of the holiday whose name starts with `name` in `year` ("" if none,
// "several" if more than one).
std::pair<std::string, std::string> holiday(const sla::holiday_set& set, int year, const std::string& name) {
  std::pair<std::string, std::string> found;
  int count = 0;
  for (const auto& o : sla::holidays_of(set, year, year))
    if (o.rule && o.rule->name.rfind(name, 0) == 0) {
      found = {text(o.date), text(o.actual)};
      ++count;
    }
  if (count > 1) return {"several", "several"};
  return found;
}

using dates = std::set<std::string>;

}  // namespace

TEST_CASE("holiday sets: de-national, Germany's nationwide holidays", "[holiday-sets]") {
  // Sources: the BMI's list of the nine days every state keeps; Einigungsvertrag Art. 2 (3 October);
  // SGB XI § 58 (Buß- und Bettag abolished from 1995 outside Saxony). No weekend moves.
  auto set = load("de-national.yaml");
  CHECK(set.name == "de-national");
  CHECK(set.country == "DE");
  CHECK(set.known_good_from == 1991);
  CHECK(set.known_good_to == 2099);
  CHECK_FALSE(set.sources.empty());

  // 1993: Easter 11 April. Buß- und Bettag: 23 November is a Tuesday → Wednesday 17 November.
  CHECK(dates_of(set, 1993) == dates{"1993-01-01", "1993-04-09", "1993-04-12", "1993-05-01", "1993-05-20", "1993-05-31",
                                     "1993-10-03", "1993-11-17", "1993-12-25", "1993-12-26"});
  // 1994, the last nationwide Buß- und Bettag: 23 November is itself a Wednesday → 16 November.
  CHECK(dates_of(set, 1994) == dates{"1994-01-01", "1994-04-01", "1994-04-04", "1994-05-01", "1994-05-12", "1994-05-23",
                                     "1994-10-03", "1994-11-16", "1994-12-25", "1994-12-26"});
  // 1995: no Buß- und Bettag (it would have been Wednesday 22 November).
  CHECK(dates_of(set, 1995).count("1995-11-22") == 0);
  CHECK(dates_of(set, 1995).size() == 9);
  // 2017: Easter 16 April; Reformation Day 31 October once, in every state. New Year a Sunday (not moved).
  CHECK(dates_of(set, 2017) == dates{"2017-01-01", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-25", "2017-06-05",
                                     "2017-10-03", "2017-10-31", "2017-12-25", "2017-12-26"});
  // 2018: Reformation Day is regional again (not here).
  CHECK(dates_of(set, 2018).count("2018-10-31") == 0);
  // 2020: Easter 12 April; Unity Day a Saturday, Christmas on Friday and Saturday.
  CHECK(dates_of(set, 2020) == dates{"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-01", "2020-05-21", "2020-06-01",
                                     "2020-10-03", "2020-12-25", "2020-12-26"});
  // 2021: Easter 4 April; 1 May a Saturday, 3 October a Sunday, Christmas Saturday and Sunday:
  // all stay on their dates (no substitutes in Germany).
  CHECK(dates_of(set, 2021) == dates{"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-01", "2021-05-13", "2021-05-24",
                                     "2021-10-03", "2021-12-25", "2021-12-26"});
  // 2026: Easter 5 April; Unity Day and 26 December Saturdays.
  CHECK(dates_of(set, 2026) == dates{"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25",
                                     "2026-10-03", "2026-12-25", "2026-12-26"});
  // 2027: Easter 28 March, so Ascension on 6 May and Whit Monday on 17 May.
  CHECK(dates_of(set, 2027) == dates{"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-17",
                                     "2027-10-03", "2027-12-25", "2027-12-26"});
  // Buß- und Bettag by its rule (the Wednesday before 23 November) in the other years it was kept.
  CHECK(holiday(set, 1991, "Repentance") == std::pair<std::string, std::string>{"1991-11-20", "1991-11-20"});
  CHECK(holiday(set, 1992, "Repentance") == std::pair<std::string, std::string>{"1992-11-18", "1992-11-18"});
  CHECK(holiday(set, 1995, "Repentance").first.empty());
}

TEST_CASE("holiday sets: de-by, Bavaria", "[holiday-sets]") {
  // Source: Bayerisches Feiertagsgesetz Art. 1 (Assumption Day in the Catholic-majority
  // municipalities, kept here; see the set's header). No weekend moves.
  auto set = load("de-by.yaml");
  CHECK(set.name == "de-by");
  CHECK(set.country == "DE-BY");
  CHECK(set.known_good_from == 1991);
  CHECK(set.known_good_to == 2099);

  // 1994: Easter 3 April, Corpus Christi 2 June; Buß- und Bettag (16 November) still a holiday.
  CHECK(dates_of(set, 1994) == dates{"1994-01-01", "1994-01-06", "1994-04-01", "1994-04-04", "1994-05-01", "1994-05-12",
                                     "1994-05-23", "1994-06-02", "1994-08-15", "1994-10-03", "1994-11-01", "1994-11-16",
                                     "1994-12-25", "1994-12-26"});
  // 2017: Easter 16 April, Corpus Christi 15 June; Reformation Day once (the nationwide one-off).
  CHECK(dates_of(set, 2017) == dates{"2017-01-01", "2017-01-06", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-25",
                                     "2017-06-05", "2017-06-15", "2017-08-15", "2017-10-03", "2017-10-31", "2017-11-01",
                                     "2017-12-25", "2017-12-26"});
  // 2019: Easter 21 April, Ascension 30 May, Whit Monday 10 June, Corpus Christi 20 June.
  CHECK(dates_of(set, 2019) == dates{"2019-01-01", "2019-01-06", "2019-04-19", "2019-04-22", "2019-05-01", "2019-05-30",
                                     "2019-06-10", "2019-06-20", "2019-08-15", "2019-10-03", "2019-11-01", "2019-12-25",
                                     "2019-12-26"});
  // 2020: Easter 12 April, Corpus Christi 11 June; Assumption Day a Saturday (not moved).
  CHECK(dates_of(set, 2020) == dates{"2020-01-01", "2020-01-06", "2020-04-10", "2020-04-13", "2020-05-01", "2020-05-21",
                                     "2020-06-01", "2020-06-11", "2020-08-15", "2020-10-03", "2020-11-01", "2020-12-25",
                                     "2020-12-26"});
  // 2024: Easter 31 March, Corpus Christi 30 May; Buß- und Bettag (20 November) is no holiday.
  CHECK(dates_of(set, 2024) == dates{"2024-01-01", "2024-01-06", "2024-03-29", "2024-04-01", "2024-05-01", "2024-05-09",
                                     "2024-05-20", "2024-05-30", "2024-08-15", "2024-10-03", "2024-11-01", "2024-12-25",
                                     "2024-12-26"});
  // 2026: Easter 5 April, Corpus Christi 4 June; 15 August a Saturday, All Saints' a Sunday.
  CHECK(dates_of(set, 2026) == dates{"2026-01-01", "2026-01-06", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
                                     "2026-05-25", "2026-06-04", "2026-08-15", "2026-10-03", "2026-11-01", "2026-12-25",
                                     "2026-12-26"});
  // The Augsburg Peace Festival is the city's only.
  CHECK(dates_of(set, 2025).count("2025-08-08") == 0);
  CHECK(holiday(set, 2025, "Corpus Christi").first == "2025-06-19");
}

TEST_CASE("holiday sets: de-be, Berlin", "[holiday-sets]") {
  // Source: Berlin's Feiertagsgesetz § 1 (Women's Day from 2019; 8 May 2020 and 2025, 17 June
  // 2028 once). No weekend moves.
  auto set = load("de-be.yaml");
  CHECK(set.name == "de-be");
  CHECK(set.country == "DE-BE");
  CHECK(set.known_good_from == 1991);
  CHECK(set.known_good_to == 2099);

  // 2018: Easter 1 April; no Women's Day yet.
  CHECK(dates_of(set, 2018) == dates{"2018-01-01", "2018-03-30", "2018-04-02", "2018-05-01", "2018-05-10", "2018-05-21",
                                     "2018-10-03", "2018-12-25", "2018-12-26"});
  // 2019: the first Women's Day, a Friday.
  CHECK(dates_of(set, 2019) == dates{"2019-01-01", "2019-03-08", "2019-04-19", "2019-04-22", "2019-05-01", "2019-05-30",
                                     "2019-06-10", "2019-10-03", "2019-12-25", "2019-12-26"});
  // 2020: Friday 8 May once, the 75th anniversary of the end of the war.
  CHECK(dates_of(set, 2020) == dates{"2020-01-01", "2020-03-08", "2020-04-10", "2020-04-13", "2020-05-01", "2020-05-08",
                                     "2020-05-21", "2020-06-01", "2020-10-03", "2020-12-25", "2020-12-26"});
  // 2021: 8 May is no holiday.
  CHECK(dates_of(set, 2021).count("2021-05-08") == 0);
  // 2025: Easter 20 April; Thursday 8 May once, the 80th anniversary.
  CHECK(dates_of(set, 2025) == dates{"2025-01-01", "2025-03-08", "2025-04-18", "2025-04-21", "2025-05-01", "2025-05-08",
                                     "2025-05-29", "2025-06-09", "2025-10-03", "2025-12-25", "2025-12-26"});
  // 2026: Women's Day a Sunday (not moved).
  CHECK(dates_of(set, 2026) == dates{"2026-01-01", "2026-03-08", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
                                     "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26"});
  // 2028: Easter 16 April; Saturday 17 June once, the 75th anniversary of the 1953 uprising (not moved).
  CHECK(dates_of(set, 2028) == dates{"2028-01-01", "2028-03-08", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-25",
                                     "2028-06-05", "2028-06-17", "2028-10-03", "2028-12-25", "2028-12-26"});
  auto oneoff = holiday(set, 2025, "Liberation Day");
  CHECK(oneoff.first == "2025-05-08");
}

TEST_CASE("holiday sets: fr, metropolitan France", "[holiday-sets]") {
  // Sources: Code du travail art. L3133-1; service-public.fr "Jours fériés". No weekend moves.
  auto set = load("fr.yaml");
  CHECK(set.name == "fr");
  CHECK(set.country == "FR");
  CHECK(set.known_good_from == 1982);
  CHECK(set.known_good_to == 2099);

  // 1981: 8 May was no holiday (restored from 1982 by the loi du 2 octobre 1981).
  CHECK(dates_of(set, 1981).count("1981-05-08") == 0);
  CHECK(dates_of(set, 1982).count("1982-05-08") == 1);
  // 2005: Easter 27 March; Whit Monday 16 May, the first journée de solidarité, stays in the list;
  // Ascension on 5 May.
  CHECK(dates_of(set, 2005) == dates{"2005-01-01", "2005-03-28", "2005-05-01", "2005-05-05", "2005-05-08", "2005-05-16",
                                     "2005-07-14", "2005-08-15", "2005-11-01", "2005-11-11", "2005-12-25"});
  // 2020: Easter 12 April; 15 August a Saturday, 1 November a Sunday (not moved).
  CHECK(dates_of(set, 2020) == dates{"2020-01-01", "2020-04-13", "2020-05-01", "2020-05-08", "2020-05-21", "2020-06-01",
                                     "2020-07-14", "2020-08-15", "2020-11-01", "2020-11-11", "2020-12-25"});
  // 2021: Easter 4 April; 1 and 8 May Saturdays, Christmas a Saturday.
  CHECK(dates_of(set, 2021) == dates{"2021-01-01", "2021-04-05", "2021-05-01", "2021-05-08", "2021-05-13", "2021-05-24",
                                     "2021-07-14", "2021-08-15", "2021-11-01", "2021-11-11", "2021-12-25"});
  // 2024: Easter 31 March; Ascension 9 May, the day after 8 May.
  CHECK(dates_of(set, 2024) == dates{"2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08", "2024-05-09", "2024-05-20",
                                     "2024-07-14", "2024-08-15", "2024-11-01", "2024-11-11", "2024-12-25"});
  // 2026: Easter 5 April; 15 August a Saturday, 1 November a Sunday.
  CHECK(dates_of(set, 2026) == dates{"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
                                     "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"});
  // 2027: Easter 28 March; Ascension 6 May, Whit Monday 17 May.
  CHECK(dates_of(set, 2027) == dates{"2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17",
                                     "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"});
  // Alsace-Moselle's Good Friday and 26 December are regional.
  CHECK(dates_of(set, 2026).count("2026-04-03") == 0);
  CHECK(dates_of(set, 2026).count("2026-12-26") == 0);
}

TEST_CASE("holiday sets: es, Spain's national holidays", "[holiday-sets]") {
  // Sources: Real Decreto 2001/1983 art. 45; the BOE's yearly list of fiestas laborales (the
  // days marked for every community). Sunday holidays listed on their date (the Monday rest is
  // each community's choice); Maundy Thursday regional.
  auto set = load("es.yaml");
  CHECK(set.name == "es");
  CHECK(set.country == "ES");
  CHECK(set.known_good_from == 1990);
  CHECK(set.known_good_to == 2099);

  // 2022: Easter 17 April; 1 May and Christmas Sundays: the dates themselves, no Monday 2 May or
  // 26 December (communities chose those).
  CHECK(dates_of(set, 2022) == dates{"2022-01-01", "2022-01-06", "2022-04-15", "2022-05-01", "2022-08-15", "2022-10-12",
                                     "2022-11-01", "2022-12-06", "2022-12-08", "2022-12-25"});
  // 2023: Easter 9 April; New Year a Sunday (2 January was a community choice).
  CHECK(dates_of(set, 2023) == dates{"2023-01-01", "2023-01-06", "2023-04-07", "2023-05-01", "2023-08-15", "2023-10-12",
                                     "2023-11-01", "2023-12-06", "2023-12-08", "2023-12-25"});
  // 2024: Easter 31 March; 8 December a Sunday.
  CHECK(dates_of(set, 2024) == dates{"2024-01-01", "2024-01-06", "2024-03-29", "2024-05-01", "2024-08-15", "2024-10-12",
                                     "2024-11-01", "2024-12-06", "2024-12-08", "2024-12-25"});
  // 2025: Easter 20 April; no Maundy Thursday (17 April).
  CHECK(dates_of(set, 2025) == dates{"2025-01-01", "2025-01-06", "2025-04-18", "2025-05-01", "2025-08-15", "2025-10-12",
                                     "2025-11-01", "2025-12-06", "2025-12-08", "2025-12-25"});
  // 2026: Easter 5 April; All Saints' and Constitution Day Sundays (Madrid kept Mondays 2 and
  // 7 December, Catalonia neither).
  CHECK(dates_of(set, 2026) == dates{"2026-01-01", "2026-01-06", "2026-04-03", "2026-05-01", "2026-08-15", "2026-10-12",
                                     "2026-11-01", "2026-12-06", "2026-12-08", "2026-12-25"});
  CHECK(dates_of(set, 2026).count("2026-11-02") == 0);
  CHECK(holiday(set, 2027, "Good Friday").first == "2027-03-26");
}

TEST_CASE("holiday sets: it, Italy's national holidays", "[holiday-sets]") {
  // Sources: Legge 260/1949 art. 2 as amended; Legge 336/2000 (2 June from 2001); Legge 151/2025
  // (4 October from 2026). No weekend moves.
  auto set = load("it.yaml");
  CHECK(set.name == "it");
  CHECK(set.country == "IT");
  CHECK(set.known_good_from == 1986);
  CHECK(set.known_good_to == 2099);

  // 2000: Easter 23 April; Republic Day still on the first Sunday of June (4 June), not Friday 2 June.
  CHECK(dates_of(set, 2000) == dates{"2000-01-01", "2000-01-06", "2000-04-23", "2000-04-24", "2000-04-25", "2000-05-01",
                                     "2000-06-04", "2000-08-15", "2000-11-01", "2000-12-08", "2000-12-25", "2000-12-26"});
  // 2011: Easter 24 April, so Easter Monday falls on Liberation Day (one date); 17 March once,
  // the 150th anniversary of unification.
  CHECK(dates_of(set, 2011) == dates{"2011-01-01", "2011-01-06", "2011-03-17", "2011-04-24", "2011-04-25", "2011-05-01",
                                     "2011-06-02", "2011-08-15", "2011-11-01", "2011-12-08", "2011-12-25", "2011-12-26"});
  // 2024: Easter 31 March; no St Francis yet.
  CHECK(dates_of(set, 2024) == dates{"2024-01-01", "2024-01-06", "2024-03-31", "2024-04-01", "2024-04-25", "2024-05-01",
                                     "2024-06-02", "2024-08-15", "2024-11-01", "2024-12-08", "2024-12-25", "2024-12-26"});
  // 2025: Easter 20 April, Easter Monday 21 April.
  CHECK(dates_of(set, 2025) == dates{"2025-01-01", "2025-01-06", "2025-04-20", "2025-04-21", "2025-04-25", "2025-05-01",
                                     "2025-06-02", "2025-08-15", "2025-11-01", "2025-12-08", "2025-12-25", "2025-12-26"});
  // 2026: the first St Francis's Day, a Sunday (not moved); 25 April, 15 August and 26 December Saturdays.
  CHECK(dates_of(set, 2026) == dates{"2026-01-01", "2026-01-06", "2026-04-05", "2026-04-06", "2026-04-25", "2026-05-01",
                                     "2026-06-02", "2026-08-15", "2026-10-04", "2026-11-01", "2026-12-08", "2026-12-25",
                                     "2026-12-26"});
  // 2027: Easter 28 March; St Francis on Monday 4 October.
  CHECK(dates_of(set, 2027) == dates{"2027-01-01", "2027-01-06", "2027-03-28", "2027-03-29", "2027-04-25", "2027-05-01",
                                     "2027-06-02", "2027-08-15", "2027-10-04", "2027-11-01", "2027-12-08", "2027-12-25",
                                     "2027-12-26"});
}

TEST_CASE("holiday sets: nl, the Netherlands", "[holiday-sets]") {
  // Sources: the Rijksoverheid's list of official holidays; Algemene termijnenwet art. 3.
  // Koninginnedag 30 April until 2013, Koningsdag 27 April from 2014, on the Saturday before when
  // a Sunday; Bevrijdingsdag in lustrum years only; no Goede Vrijdag (see the set's header).
  auto set = load("nl.yaml");
  CHECK(set.name == "nl");
  CHECK(set.country == "NL");
  CHECK(set.known_good_from == 1990);
  CHECK(set.known_good_to == 2099);

  // 2000: Easter 23 April; 30 April a Sunday → Koninginnedag Saturday 29 April; a lustrum year.
  CHECK(dates_of(set, 2000) == dates{"2000-01-01", "2000-04-23", "2000-04-24", "2000-04-29", "2000-05-05", "2000-06-01",
                                     "2000-06-11", "2000-06-12", "2000-12-25", "2000-12-26"});
  // 2006: Easter 16 April; 30 April a Sunday → Saturday 29 April; no Bevrijdingsdag.
  CHECK(dates_of(set, 2006) == dates{"2006-01-01", "2006-04-16", "2006-04-17", "2006-04-29", "2006-05-25", "2006-06-04",
                                     "2006-06-05", "2006-12-25", "2006-12-26"});
  // 2013: Easter 31 March; the last Koninginnedag, Tuesday 30 April.
  CHECK(dates_of(set, 2013) == dates{"2013-01-01", "2013-03-31", "2013-04-01", "2013-04-30", "2013-05-09", "2013-05-19",
                                     "2013-05-20", "2013-12-25", "2013-12-26"});
  // 2014: Easter 20 April; the first Koningsdag: 27 April a Sunday → Saturday 26 April.
  CHECK(dates_of(set, 2014) == dates{"2014-01-01", "2014-04-20", "2014-04-21", "2014-04-26", "2014-05-29", "2014-06-08",
                                     "2014-06-09", "2014-12-25", "2014-12-26"});
  // 2020: Easter 12 April; Koningsdag Monday 27 April; a lustrum year (Tuesday 5 May).
  CHECK(dates_of(set, 2020) == dates{"2020-01-01", "2020-04-12", "2020-04-13", "2020-04-27", "2020-05-05", "2020-05-21",
                                     "2020-05-31", "2020-06-01", "2020-12-25", "2020-12-26"});
  // 2025: Easter 20 April; 27 April a Sunday → Saturday 26 April; a lustrum year (Monday 5 May).
  CHECK(dates_of(set, 2025) == dates{"2025-01-01", "2025-04-20", "2025-04-21", "2025-04-26", "2025-05-05", "2025-05-29",
                                     "2025-06-08", "2025-06-09", "2025-12-25", "2025-12-26"});
  // 2026: Easter 5 April; Koningsdag Monday 27 April; 5 May a working day under most cao's; no
  // Goede Vrijdag (3 April).
  CHECK(dates_of(set, 2026) == dates{"2026-01-01", "2026-04-05", "2026-04-06", "2026-04-27", "2026-05-14", "2026-05-24",
                                     "2026-05-25", "2026-12-25", "2026-12-26"});
  // The moved King's Day keeps its own date.
  CHECK(holiday(set, 2025, "King's Day") == std::pair<std::string, std::string>{"2025-04-26", "2025-04-27"});
  CHECK(holiday(set, 2006, "Queen's Day") == std::pair<std::string, std::string>{"2006-04-29", "2006-04-30"});
  CHECK(holiday(set, 2013, "King's Day").first.empty());
  CHECK(holiday(set, 2014, "Queen's Day").first.empty());
  // Bevrijdingsdag and Ascension on one date in 2005 (Easter 27 March + 39 = 5 May).
  CHECK(dates_of(set, 2005).count("2005-05-05") == 1);
  CHECK(dates_of(set, 2005).size() == 9);
}

TEST_CASE("holiday sets: br, Brazil's national holidays", "[holiday-sets]") {
  // Sources: Lei 662/1949 (as worded by Lei 10.607/2002), Lei 6.802/1980 (12 October), Lei
  // 14.759/2023 (20 November from 2024), the federal ordinance (Good Friday). Carnival, Ash
  // Wednesday and Corpus Christi are pontos facultativos, not listed. No weekend moves.
  auto set = load("br.yaml");
  CHECK(set.name == "br");
  CHECK(set.country == "BR");
  CHECK(set.known_good_from == 1981);
  CHECK(set.known_good_to == 2099);

  // 2023: Easter 9 April; New Year a Sunday; no Black Consciousness Day yet.
  CHECK(dates_of(set, 2023) == dates{"2023-01-01", "2023-04-07", "2023-04-21", "2023-05-01", "2023-09-07", "2023-10-12",
                                     "2023-11-02", "2023-11-15", "2023-12-25"});
  // 2024: Easter 31 March; the first national Black Consciousness Day (Wednesday 20 November);
  // 21 April a Sunday, 7 September, 12 October and 2 November Saturdays (not moved).
  CHECK(dates_of(set, 2024) == dates{"2024-01-01", "2024-03-29", "2024-04-21", "2024-05-01", "2024-09-07", "2024-10-12",
                                     "2024-11-02", "2024-11-15", "2024-11-20", "2024-12-25"});
  // 2025: Easter 20 April; Good Friday 18 April, Tiradentes the Monday after Easter.
  CHECK(dates_of(set, 2025) == dates{"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-01", "2025-09-07", "2025-10-12",
                                     "2025-11-02", "2025-11-15", "2025-11-20", "2025-12-25"});
  // 2026: Easter 5 April; no Carnival (16–17 February) nor Corpus Christi (4 June).
  CHECK(dates_of(set, 2026) == dates{"2026-01-01", "2026-04-03", "2026-04-21", "2026-05-01", "2026-09-07", "2026-10-12",
                                     "2026-11-02", "2026-11-15", "2026-11-20", "2026-12-25"});
  // 2027: Easter 28 March; Good Friday 26 March.
  CHECK(dates_of(set, 2027) == dates{"2027-01-01", "2027-03-26", "2027-04-21", "2027-05-01", "2027-09-07", "2027-10-12",
                                     "2027-11-02", "2027-11-15", "2027-11-20", "2027-12-25"});
}
