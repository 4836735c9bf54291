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
    <name>ExportCommand</name>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n row to %1.</numerusform>
            <numerusform>Wrote %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>The selection (%n user(s))</source>
        <translation>
            <numerusform>The selection (%n user)</numerusform>
            <numerusform>The selection (%n users)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message numerus="yes">
        <source>Imported: %n user(s) created</source>
        <translation>
            <numerusform>Imported: %n user created</numerusform>
            <numerusform>Imported: %n users created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n changed.</source>
        <translation>
            <numerusform>, %n changed.</numerusform>
            <numerusform>, %n changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Imported: %n user(s) created</source>
        <translation>
            <numerusform>Imported: %n user created</numerusform>
            <numerusform>Imported: %n users created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n changed.</source>
        <translation>
            <numerusform>, %n changed.</numerusform>
            <numerusform>, %n changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s); nothing will be imported until they are fixed.</source>
        <translation>
            <numerusform>%n bad row; nothing will be imported until they are fixed.</numerusform>
            <numerusform>%n bad rows; nothing will be imported until they are fixed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Buy %n seat(s)</source>
        <translation>
            <numerusform>Buy %n seat</numerusform>
            <numerusform>Buy %n seats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPlanner</name>
    <message numerus="yes">
        <source>%n bad row(s); nothing will be imported until they are fixed:</source>
        <translation>
            <numerusform>%n bad row; nothing will be imported until they are fixed:</numerusform>
            <numerusform>%n bad rows; nothing will be imported until they are fixed:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) to create.</source>
        <translation>
            <numerusform>%n user to create.</numerusform>
            <numerusform>%n users to create.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) to change.</source>
        <translation>
            <numerusform>%n user to change.</numerusform>
            <numerusform>%n users to change.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) already as in the file.</source>
        <translation>
            <numerusform>%n user already as in the file.</numerusform>
            <numerusform>%n users already as in the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Buy %n.</source>
        <translation>
            <numerusform>Buy %n.</numerusform>
            <numerusform>Buy %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s); nothing was imported.</source>
        <translation>
            <numerusform>%n bad row; nothing was imported.</numerusform>
            <numerusform>%n bad rows; nothing was imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 needed, %3 free. Buy %n more.</source>
        <translation>
            <numerusform>%1: %2 needed, %3 free. Buy %n more.</numerusform>
            <numerusform>%1: %2 needed, %3 free. Buy %n more.</numerusform>
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
    <name>PaidUsersModel</name>
    <message numerus="yes">
        <source>change the seats of %n user(s)</source>
        <translation>
            <numerusform>change the seats of %n user</numerusform>
            <numerusform>change the seats of %n users</numerusform>
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
    <message numerus="yes">
        <source>%n of the selected users still hold a seat. Remove their access first; nobody was deleted.</source>
        <translation>
            <numerusform>%n of the selected users still holds a seat. Remove their access first; nobody was deleted.</numerusform>
            <numerusform>%n of the selected users still hold a seat. Remove their access first; nobody was deleted.</numerusform>
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
    <name>UserPanel</name>
    <message numerus="yes">
        <source>%n user(s) created.</source>
        <translation>
            <numerusform>%n user created.</numerusform>
            <numerusform>%n users created.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message numerus="yes">
        <source>Assigned a %1 seat to %n user(s).</source>
        <translation>
            <numerusform>Assigned a %1 seat to %n user.</numerusform>
            <numerusform>Assigned a %1 seat to %n users.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 access from %n user(s).</source>
        <translation>
            <numerusform>Removed %1 access from %n user.</numerusform>
            <numerusform>Removed %1 access from %n users.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n user? This cannot be undone.</numerusform>
            <numerusform>Delete %n users? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n user(s).</source>
        <translation>
            <numerusform>Deleted %n user.</numerusform>
            <numerusform>Deleted %n users.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n user(s).</source>
        <translation>
            <numerusform>Exported %n user.</numerusform>
            <numerusform>Exported %n users.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) now have no main team.</source>
        <translation>
            <numerusform>%n user now has no main team.</numerusform>
            <numerusform>%n users now have no main team.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” is now the main team of %n user(s).</source>
        <translation>
            <numerusform>“%1” is now the main team of %n user.</numerusform>
            <numerusform>“%1” is now the main team of %n users.</numerusform>
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
