"""The importer's functions as they were before import was made linear (issue 22), kept word
for word as the oracle the linear ones must agree with on every input. Not used by the
application; change nothing here."""
