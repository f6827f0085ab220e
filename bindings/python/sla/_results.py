"""The plain values sla returns: frozen dataclasses with timezone-aware UTC datetimes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import List, Optional


@dataclass(frozen=True)
class Target:
    """A target a ticket gets from its policy: `amount` is "15m", "5 business days", "none", …"""
    name: str
    calendar: Optional[str]
    amount: str
    rule: str  # where the rule that set it is written, "file:line:column"


@dataclass(frozen=True)
class Deadline:
    """A new ticket's target and when it is due if its clock runs without pauses.

    deadline is None for a `none` amount, a calendar with no business time ahead, or a clock
    that starts later than the creation (`starts` then says what starts it: "event escalated").
    """
    name: str
    calendar: Optional[str]
    amount: str
    amount_seconds: Optional[int]  # the amount as business time from the creation
    deadline: Optional[datetime.datetime]
    starts: str
    rule: str


@dataclass(frozen=True)
class CompletedCycle:
    """A cycle of a target's clock that ended: outcome is "met", "breached" or "cancelled"."""
    start: datetime.datetime
    end: datetime.datetime
    outcome: str
    met_at: Optional[datetime.datetime]
    breached_at: Optional[datetime.datetime]
    accrued_seconds: int


@dataclass(frozen=True)
class TargetStatus:
    """One target of an evaluated ticket; the fields of a target in sla-check's JSON line.

    state is running, paused, met, breached, cancelled, not_applicable or not_started
    (docs/semantics.md 2.10); percent is not rounded (sla-check prints one decimal).
    """
    name: str
    calendar: Optional[str]
    amount: str
    state: str
    deadline: Optional[datetime.datetime]
    met_at: Optional[datetime.datetime]
    breached_at: Optional[datetime.datetime]
    target_seconds: int
    accrued_seconds: int
    remaining_seconds: int
    percent: float
    warnings: List[str]
    escalation: Optional[str]
    cycles: int
    completed_cycles: List[CompletedCycle]
    rule: Optional[str]


@dataclass(frozen=True)
class TicketEvaluation:
    """A ticket's clocks at one instant: its dimensions, its targets and next_change, the
    instant at which something changes next if no event arrives."""
    ticket: str
    type: Optional[str]
    severity: Optional[str]
    plan: Optional[str]
    region: Optional[str]
    country: Optional[str]
    targets: List[TargetStatus]
    next_change: Optional[datetime.datetime]
