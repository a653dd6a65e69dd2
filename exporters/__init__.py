"""Exporters: functions of the pure plan model that write Word, PDF and ODT documents. No Qt."""
