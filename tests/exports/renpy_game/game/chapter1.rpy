label start:
    scene bg pier_night with fade
    play music "fog.ogg"
    show anna happy at left
    "The fog covered the harbour."
    anna "Who's there? Kai?"
    anna_m happy "It's me, Анна-Мария."
    "Stranger" "Just a sailor: 42 years at sea."
    $ trust = 0
    frobnicate the lanterns
    menu:
        anna "What now?"
        "Ask about Kai Volkov":
            anna "Where is Kai Volkov?"
            jump tower
        "Leave" if trust < 1:
            n "She left."
            call epilogue
    jump tower
