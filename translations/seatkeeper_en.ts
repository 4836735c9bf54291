<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApplyCommand</name>
    <message numerus="yes">
        <source>Applied %n change(s).</source>
        <translation>
            <numerusform>Applied %n change.</numerusform>
            <numerusform>Applied %n changes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message numerus="yes">
        <source>The database failed %n check(s):</source>
        <translation>
            <numerusform>The database failed %n check:</numerusform>
            <numerusform>The database failed %n checks:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LedgerText</name>
    <message numerus="yes">
        <source>Bought %n %1 seat(s)</source>
        <translation>
            <numerusform>Bought %n %1 seat</numerusform>
            <numerusform>Bought %n %1 seats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Released %n %1 seat(s)</source>
        <translation>
            <numerusform>Released %n %1 seat</numerusform>
            <numerusform>Released %n %1 seats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenProblemDialog</name>
    <message numerus="yes">
        <source>You can restore it from one of its %n backup(s): the file as it is now is kept beside it, never deleted.</source>
        <translation>
            <numerusform>You can restore it from its backup: the file as it is now is kept beside it, never deleted.</numerusform>
            <numerusform>You can restore it from one of its %n backups: the file as it is now is kept beside it, never deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaidUsersPage</name>
    <message numerus="yes">
        <source>You have %n unsaved change(s). Save them before leaving?</source>
        <translation>
            <numerusform>You have %n unsaved change. Save it before leaving?</numerusform>
            <numerusform>You have %n unsaved changes. Save them before leaving?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Buy %n more %1 seat(s), or clear %n box(es).</source>
        <translation>
            <numerusform>Buy %n more %1 seat, or clear %n box.</numerusform>
            <numerusform>Buy %n more %1 seats, or clear %n boxes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved change(s)</source>
        <translation>
            <numerusform>%n unsaved change</numerusform>
            <numerusform>%n unsaved changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving %n change(s)…</source>
        <translation>
            <numerusform>Saving %n change…</numerusform>
            <numerusform>Saving %n changes…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeatLedger</name>
    <message numerus="yes">
        <source>This database has %n Super admins; name the operator with --as.</source>
        <translation>
            <numerusform>This database has %n Super admin; name the operator with --as.</numerusform>
            <numerusform>This database has %n Super admins; name the operator with --as.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n %1 seat(s) are free (%2 purchased, %3 assigned); release at most that many, or remove access first.</source>
        <translation>
            <numerusform>Only %n %1 seat is free (%2 purchased, %3 assigned); release at most that many, or remove access first.</numerusform>
            <numerusform>Only %n %1 seats are free (%2 purchased, %3 assigned); release at most that many, or remove access first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not enough %1 seats: %2 purchased, %3 assigned, %4 more wanted. Buy %n more seat(s), or assign fewer.</source>
        <translation>
            <numerusform>Not enough %1 seats: %2 purchased, %3 assigned, %4 more wanted. Buy %n more seat, or assign fewer.</numerusform>
            <numerusform>Not enough %1 seats: %2 purchased, %3 assigned, %4 more wanted. Buy %n more seats, or assign fewer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 purchased, %3 would be assigned. Buy %n more, or assign %n fewer.</source>
        <translation>
            <numerusform>%1: %2 purchased, %3 would be assigned. Buy %n more, or assign %n fewer.</numerusform>
            <numerusform>%1: %2 purchased, %3 would be assigned. Buy %n more, or assign %n fewer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeatsCommand</name>
    <message numerus="yes">
        <source>Bought %n %1 seat(s)</source>
        <translation>
            <numerusform>Bought %n %1 seat</numerusform>
            <numerusform>Bought %n %1 seats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Released %n %1 seat(s)</source>
        <translation>
            <numerusform>Released %n %1 seat</numerusform>
            <numerusform>Released %n %1 seats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message numerus="yes">
        <source>This database does not match its own history: it was changed outside Seatkeeper, or is damaged. Check the seats before relying on them, or restore a backup. %n problem(s) found:</source>
        <translation>
            <numerusform>This database does not match its own history: it was changed outside Seatkeeper, or is damaged. Check the seats before relying on them, or restore a backup. %n problem found:</numerusform>
            <numerusform>This database does not match its own history: it was changed outside Seatkeeper, or is damaged. Check the seats before relying on them, or restore a backup. %n problems found:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamDeleteDialog</name>
    <message numerus="yes">
        <source>Delete the team “%1”? It has %n member(s).</source>
        <translation>
            <numerusform>Delete the team “%1”? It has %n member.</numerusform>
            <numerusform>Delete the team “%1”? It has %n members.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamsCommand</name>
    <message numerus="yes">
        <source>Deleted the team “%1”; %n member(s) left it.</source>
        <translation>
            <numerusform>Deleted the team “%1”; %n member left it.</numerusform>
            <numerusform>Deleted the team “%1”; %n members left it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message numerus="yes">
        <source>The email address is %n characters long; at most 254 are allowed.</source>
        <translation>
            <numerusform>The email address is %n character long; at most 254 are allowed.</numerusform>
            <numerusform>The email address is %n characters long; at most 254 are allowed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The part before the @ is %n characters long; at most 64 are allowed.</source>
        <translation>
            <numerusform>The part before the @ is %n character long; at most 64 are allowed.</numerusform>
            <numerusform>The part before the @ is %n characters long; at most 64 are allowed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first name is %n characters long; at most 256 are allowed.</source>
        <translation>
            <numerusform>The first name is %n character long; at most 256 are allowed.</numerusform>
            <numerusform>The first name is %n characters long; at most 256 are allowed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last name is %n characters long; at most 256 are allowed.</source>
        <translation>
            <numerusform>The last name is %n character long; at most 256 are allowed.</numerusform>
            <numerusform>The last name is %n characters long; at most 256 are allowed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The team name is %n characters long; at most 256 are allowed.</source>
        <translation>
            <numerusform>The team name is %n character long; at most 256 are allowed.</numerusform>
            <numerusform>The team name is %n characters long; at most 256 are allowed.</numerusform>
        </translation>
    </message>
</context>
</TS>
