"""The terminal front ends: the command line, the console REPL and their plain-text renderer."""
