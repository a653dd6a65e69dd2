"""``python main.py updates send PLAN -o FOLDER [--by lead|owner] [--only overdue,due-soon]`` and
``python main.py updates read PLAN FILE.xlsx… [--apply]``.

``send`` writes one update form per lead (or owner) and exits 0, or 2 when the plan cannot be
read or a form cannot be written. ``read`` prints what the returned forms would change, and
records it in the plan only with ``--apply``; it exits 0 when every form and row could be
used, 1 when something could not (the rest is still read, and applied with ``--apply``), and
2 when the plan cannot be read or saved.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path

from actionplan.file_errors import PlanFileError, PlanSaveError
from actionplan.lock import PlanLock, PlanLocked
from actionplan.returned_forms import FormReading, Outcome, Proposal, ProposedRow, apply, propose
from actionplan.safe_writing import backup_path
from actionplan.storage import load_plan, save_plan
from actionplan.update_forms import POSITION_WORDS, SendTo, read_positions

EXIT_OK = 0
EXIT_SOMETHING_NOT_USED = 1
EXIT_CANNOT_READ = 2


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    updates = commands.add_parser("updates", help="send update forms to leads and read them back")
    actions = updates.add_subparsers(dest="updates_command", metavar="send|read", required=True)

    send = actions.add_parser("send", help="write one Excel update form per lead (or owner)")
    send.add_argument("plan", metavar="PLAN", help="an .actionplan file")
    send.add_argument("-o", "--output", required=True, metavar="FOLDER", help="the folder to write the forms to")
    send.add_argument("--by", choices=[choice.value for choice in SendTo], default=SendTo.LEAD.value,
                      help="one form per lead (actions with no lead go to their owner) or per owner")
    send.add_argument("--only", metavar="WHERE",
                      help=f"only actions that stand here today, for example overdue,due-soon "
                           f"(any of {', '.join(POSITION_WORDS)})")
    send.set_defaults(handler=run_send)

    read = actions.add_parser("read", help="show what returned forms would change; --apply records it")
    read.add_argument("plan", metavar="PLAN", help="an .actionplan file")
    read.add_argument("forms", metavar="FILE.xlsx", nargs="+", help="returned update forms")
    read.add_argument("--apply", action="store_true", help="record the changes in the plan and save it")
    read.set_defaults(handler=run_read)


def _fail(message: str) -> int:
    print(f"Error: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_CANNOT_READ


# send -------------------------------------------------------------------------------------------


def run_send(args: argparse.Namespace) -> int:
    from exporters.errors import ExportError
    from exporters.update_forms import send_update_forms

    plan_path = Path(args.plan)
    try:
        only = read_positions(args.only) if args.only is not None else None
    except ValueError as error:
        return _fail(f"--only: {error}")
    try:
        plan = load_plan(plan_path)
    except PlanFileError as error:
        return _fail(error.message)
    try:
        sent = send_update_forms(plan, Path(args.output), SendTo(args.by), only, plan_file=plan_path.name)
    except ExportError as error:
        return _fail(error.message)
    for form in sent.forms:
        print(f"{form.path.name}: {form.actions} action{'' if form.actions == 1 else 's'} for {form.name}")
    for note in sent.notes:
        print(f"Note: {note}")
    print(sent.describe())
    return EXIT_OK


# read -------------------------------------------------------------------------------------------


def run_read(args: argparse.Namespace) -> int:
    from importers.update_forms import read_returned_form

    plan_path = Path(args.plan)
    try:
        plan = load_plan(plan_path)
    except PlanFileError as error:
        return _fail(error.message)
    forms = [read_returned_form(Path(name)) for name in args.forms]
    proposal = propose(plan, forms, dt.date.today(), plan_path.name)
    print("\n".join(describe(proposal)))
    code = EXIT_SOMETHING_NOT_USED if something_not_used(proposal) else EXIT_OK
    if not proposal.changes():
        return code
    if not args.apply:
        print("\nNothing has been changed. Run again with --apply to record these answers in the plan.")
        return code
    try:
        lock = PlanLock.acquire(plan_path, getpass.getuser())
    except PlanLocked as error:
        return _fail(f"{error.message} Nothing was recorded: close it there first, or read the forms in the editor.")
    except OSError:
        lock = None
    try:
        changed = apply(plan, proposal)
        save_plan(plan, plan_path)
    except PlanSaveError as error:
        return _fail(f"{error.command_line_message} Nothing was recorded.")
    except PlanFileError as error:
        return _fail(f"{error.message} Nothing was recorded.")
    finally:
        if lock is not None:
            lock.release()
    count = len(proposal.changes())
    print(f"\nRecorded {count} answer{'' if count == 1 else 's'} on {len(changed)} "
          f"action{'' if len(changed) == 1 else 's'} and saved {plan_path.name} "
          f"(the version before is kept as {backup_path(plan_path).name}).")
    return code


def something_not_used(proposal: Proposal) -> bool:
    return bool(proposal.unreadable_forms()) or any(row.problems for row in proposal.rows())


def describe(proposal: Proposal) -> list[str]:
    """The preview as lines of text: the summary, then each form and each row read from it."""
    lines = [proposal.summary()]
    for form in proposal.forms:
        lines += ["", *describe_form(form)]
    return lines


def describe_form(form: FormReading) -> list[str]:
    if form.problem:
        return [f"{form.file_name}: not read. {form.problem}"]
    lines = [form.describe()]
    lines += [f"  Note: {note}" for note in form.notes]
    empty = 0
    for row in form.rows:
        if row.outcome is Outcome.EMPTY:
            empty += 1
            continue
        lines += describe_row(row)
    if empty:
        lines.append(f"  {empty} row{' has' if empty == 1 else 's have'} nothing filled in.")
    return lines


def describe_row(row: ProposedRow) -> list[str]:
    where = f"Rec No {row.rec_no}: {_first_words(row.action_text)}" if row.rec_no else "no action"
    lines = [f"  Row {row.row} ({where}): {row.outcome.value}"]
    lines += [f"    {change}" for change in row.changes()]
    lines += [f"    Not used: {problem}" for problem in row.problems]
    lines += [f"    Note: {note}" for note in row.notes]
    return lines


def _first_words(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
