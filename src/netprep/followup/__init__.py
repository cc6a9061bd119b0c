"""Next steps after a meeting: the log, dated promises, decisions, follow-ups, calendars.

Library entry points (the CLI and the web app call these):
``log.log_interaction``, ``log.people_met_without_next_step``, ``log.last_contact``,
``steps.add_next_step`` / ``complete_step`` / ``drop_step`` / ``move_step`` /
``list_next_steps``, ``decisions.decide`` / ``get_decision``,
``message.followup_message``, ``ics.calendar_ics``, ``caldav_sync.sync_calendar``,
``due.next_steps_due`` / ``record_brief``, ``dates.parse_due`` / ``parse_day``.
"""
