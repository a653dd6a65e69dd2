"""The plan table and its cell editors (text, owner, target date). May import edits and common."""
