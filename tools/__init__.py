"""Developers' tools, not part of the application (the wheel and the standalone folder leave
them out): the scripts that build what ``resources/`` ships, the OOXML schema checker the tests
use, and the standalone build's own scripts."""
