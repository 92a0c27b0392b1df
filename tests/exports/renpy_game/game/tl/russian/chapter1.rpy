# Russian translation of the fixture game.

translate russian start_3f2a9c1d:

    # "The fog covered the harbour."
    "Туман накрыл гавань."

translate russian start_0b7e4d22:

    # anna "Who's there? Kai?"
    anna "Кто здесь? Кай?"

translate russian start_9c1d0e33:

    # anna "Where is Kai Volkov?"
    anna "Где Кай Волков?"

translate russian strings:

    old "Harbour 9"
    new "Гавань 9"

    old "Kai Volkov"
    new "Кай Волков"

    old "Kai"
    new "Кай"

    old "Ask about Kai Volkov"
    new "Спросить о Кае Волкове"

    old "Pier 9"
    new "Пирс 9"

    old "The Tower No. 9"
    new "Башня № 9"
