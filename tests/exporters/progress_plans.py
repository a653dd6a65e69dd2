"""Plans with months of tracking recorded, for the progress report tests."""

from __future__ import annotations

import datetime as dt

from actionplan.model import Category, Plan
from actionplan.progress import ActionStatus, IrpJudgement
from actionplan.recording import add_evidence, record_update, revise_target
from actionplan.target_date import TargetDate
from tests.exporters.readback import plan_with_both_sections, recommendations_plan

AS_OF = dt.date(2026, 12, 4)
"""Due soon runs to 18 January 2027 (45 days on)."""


def plan_with_progress() -> Plan:
    """``plan_with_both_sections`` on 4 December 2026, with leads, updates, evidence, a revised
    target and judgements. Where its six actions stand:

    - Priority concern 1: searching (December 2026, in progress) due soon; training (Completed) complete.
    - Priority concern 2: the analyst (Completed and ongoing) complete.
    - Key concern 3: start times (August 2026, in progress) overdue; daily checks (31 March 2027) on
      track; late starts (September 2026, revised to 15 January 2027) due soon.
    """
    plan = plan_with_both_sections()
    searching, training = plan.concerns[0].actions
    analyst = plan.concerns[1].actions[0]
    start_times, daily_checks, late_starts = plan.concerns[2].actions

    searching.lead = "M. Byrne, Head of Security"
    searching.evidence_needed = "Search logs for each wing."
    record_update(searching, dt.date(2026, 10, 1), "M. Byrne", "Strategy drafted.", ActionStatus.IN_PROGRESS)
    record_update(searching, dt.date(2026, 12, 1), "M. Byrne", "Searches recorded daily since November.")

    record_update(training, dt.date(2026, 7, 1), "K. Morgan", "Sessions running monthly.", ActionStatus.COMPLETE)
    add_evidence(training, "Training register", "evidence/register.xlsx", dt.date(2026, 7, 1), "K. Morgan")
    add_evidence(training, "Minutes of the security meeting", "", dt.date(2026, 8, 1), "K. Morgan")

    analyst.lead = "S. Okafor, Head of Safety"
    analyst.status = ActionStatus.ONGOING
    add_evidence(analyst, "Analyst's monthly report", "", dt.date(2026, 9, 1), "S. Okafor")

    record_update(start_times, dt.date(2026, 10, 10), "T. Evans", "Start times recorded; still late twice a week.",
                  ActionStatus.IN_PROGRESS)

    late_starts.lead = "R. Hughes, Custodial Manager"
    late_starts.status = ActionStatus.IN_PROGRESS
    revise_target(late_starts, TargetDate.parse("15 January 2027"), "Meeting moved to a new cycle",
                  dt.date(2026, 9, 20), "K. Morgan")

    assert daily_checks.status is ActionStatus.NOT_STARTED
    plan.concerns[0].self_assessment = IrpJudgement.GOOD_PROGRESS
    plan.concerns[0].hmip_judgement = IrpJudgement.REASONABLE_PROGRESS
    plan.concerns[1].self_assessment = IrpJudgement.REASONABLE_PROGRESS
    plan.concerns[2].self_assessment = IrpJudgement.INSUFFICIENT_PROGRESS
    plan.concerns[2].hmip_judgement = IrpJudgement.NO_MEANINGFUL_PROGRESS
    return plan


def recommendations_plan_in_two_sections() -> Plan:
    """``recommendations_plan`` with main recommendation S45 (two actions) and recommendation 1.12
    (one action)."""
    plan = recommendations_plan()
    plan.concerns[1].category = Category.KEY
    return plan


def recommendations_plan_with_progress() -> Plan:
    """``recommendations_plan_in_two_sections`` with a lead, an update and a self-assessment."""
    plan = recommendations_plan_in_two_sections()
    showers = plan.concerns[0].actions[0]
    showers.lead = "P. Walsh, Head of Residence"
    record_update(showers, dt.date(2020, 2, 1), "P. Walsh", "Half the showers repaired.", ActionStatus.IN_PROGRESS)
    plan.concerns[0].actions[1].status = ActionStatus.COMPLETE
    plan.concerns[0].self_assessment = IrpJudgement.REASONABLE_PROGRESS
    return plan


INJECTIONS = ("=HYPERLINK(\"http://evil.example\",\"Click\")", "+44 1234 567890", "-1+1", "@SUM(A1:A2)",
              "\tTabbed in", "=1+1")
