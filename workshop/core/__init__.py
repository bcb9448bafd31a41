"""The core: what the companion knows and does, without a screen. It loads neither rich nor
textual, and knows neither the command line, the screens, presentation nor the participants' server.

Its rooms import downward only (pyproject.toml, the layers contract; a room not named there fails
`lint-imports`), from the top:

    compare | making | config     comparing sessions; new sessions; paths, settings and keys
    outcomes                      what a session comes to: attendance, agreements, phase, carry-over
    session                       a session's view, its changes and their rules, the live session
    store | typed | steps         session files; what a typed line says; the rules of particular steps
    guides                        guide files, read and checked, and the types of steps
    model | machine               the records; the date and safe files on each platform
    text                          translation and formatting; the rule for unsafe characters

A function-local import in the core is there for start-up time only, and says so.
"""
