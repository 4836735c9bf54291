<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Seatkeeper</source>
        <translation>À propos de Seatkeeper</translation>
    </message>
    <message>
        <source>Seatkeeper</source>
        <translation>Seatkeeper</translation>
    </message>
    <message>
        <source>Manage paid seats of Sales Hub and Service Hub.</source>
        <translation>Gérer les sièges payants de Sales Hub et Service Hub.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Version de Qt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ApplyCommand</name>
    <message>
        <source>Usage: apply PLAN</source>
        <translation>Utilisation&#xa0;: apply PLAN</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n change(s).</source>
        <translation>
            <numerusform>%n modification appliquée.</numerusform>
            <numerusform>%n modifications appliquées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the plan from standard input.</source>
        <translation>Impossible de lire le plan sur l’entrée standard.</translation>
    </message>
    <message>
        <source>Cannot read the plan %1: %2</source>
        <translation>Impossible de lire le plan %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>AssignCommand</name>
    <message>
        <source>Usage: assign EMAIL TYPE</source>
        <translation>Utilisation&#xa0;: assign EMAIL TYPE</translation>
    </message>
    <message>
        <source>Unknown seat type “%1”.</source>
        <translation>Type de siège inconnu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Assigned a %1 seat to %2.</source>
        <translation>Siège %1 attribué à %2.</translation>
    </message>
</context>
<context>
    <name>BackgroundWork</name>
    <message>
        <source>Loading users…</source>
        <translation>Chargement des utilisateurs…</translation>
    </message>
</context>
<context>
    <name>BackupCommand</name>
    <message>
        <source>Usage: backup | backup list</source>
        <translation>Utilisation&#xa0;: backup | backup list</translation>
    </message>
    <message>
        <source>Wrote the backup %1.</source>
        <translation>Sauvegarde %1 écrite.</translation>
    </message>
    <message>
        <source>There is no backup of %1 yet.</source>
        <translation>Il n’y a encore aucune sauvegarde de %1.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>The backup %1 cannot be restored: %2</source>
        <translation>La sauvegarde %1 ne peut pas être restaurée&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is the database itself, not one of its backups.</source>
        <translation>%1 est la base de données elle-même, pas l’une de ses sauvegardes.</translation>
    </message>
    <message>
        <source>Could not write a backup of %1: another backup in the folder %2 is still being written. Try again when it is done.</source>
        <translation>Impossible d’écrire une sauvegarde de %1&#xa0;: une autre sauvegarde est encore en cours d’écriture dans le dossier %2. Réessayez quand elle sera terminée.</translation>
    </message>
    <message>
        <source>Could not write a backup of %1 in the folder %2: %3</source>
        <translation>Impossible d’écrire une sauvegarde de %1 dans le dossier %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>The database is unchanged, and nothing of the failed backup was left in the folder.</source>
        <translation>La base de données n’a pas été modifiée, et rien de la sauvegarde manquée n’est resté dans le dossier.</translation>
    </message>
    <message>
        <source>The database is unchanged; the unfinished file %1 could not be removed.</source>
        <translation>La base de données n’a pas été modifiée&#xa0;; le fichier inachevé %1 n’a pas pu être supprimé.</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>Le disque est plein.</translation>
    </message>
    <message>
        <source>No new file can be created there.</source>
        <translation>Aucun nouveau fichier ne peut y être créé.</translation>
    </message>
    <message>
        <source>The copy could not be written (%1).</source>
        <translation>La copie n’a pas pu être écrite (%1).</translation>
    </message>
    <message>
        <source>The database&apos;s name is too long to name a backup after it in this folder. Give the database a shorter name.</source>
        <translation>Le nom de la base de données est trop long pour nommer une sauvegarde d’après lui dans ce dossier. Donnez à la base de données un nom plus court.</translation>
    </message>
    <message>
        <source>The copy could not be put in place as %1 (%2).</source>
        <translation>La copie n’a pas pu être mise en place sous le nom %1 (%2).</translation>
    </message>
    <message>
        <source>The backup %1 does not exist.</source>
        <translation>La sauvegarde %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The backup %1 is not a file (it is a folder, a device or a pipe); nothing was restored.</source>
        <translation>La sauvegarde %1 n’est pas un fichier (c’est un dossier, un périphérique ou un tube)&#xa0;; rien n’a été restauré.</translation>
    </message>
    <message>
        <source>The backup %1 cannot be read: %2</source>
        <translation>La sauvegarde %1 ne peut pas être lue&#xa0;: %2</translation>
    </message>
    <message>
        <source>The database %1 is not a file (it is a folder, a device or a pipe); nothing was restored.</source>
        <translation>La base de données %1 n’est pas un fichier (c’est un dossier, un périphérique ou un tube)&#xa0;; rien n’a été restauré.</translation>
    </message>
</context>
<context>
    <name>BuySeatsDialog</name>
    <message>
        <source>Buy another user</source>
        <translation>Acheter un autre utilisateur</translation>
    </message>
    <message>
        <source>Every %1 seat is assigned (%2 purchased, %3 assigned). How many more do you want to buy?</source>
        <translation>Tous les sièges %1 sont attribués (%2 achetés, %3 attribués). Combien voulez-vous en acheter de plus&#xa0;?</translation>
    </message>
    <message>
        <source>Seats to buy</source>
        <translation>Sièges à acheter</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Acheter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>After buying: %1 purchased, %2 assigned, %3 free.</source>
        <translation>Après l’achat&#xa0;: %1 achetés, %2 attribués, %3 disponibles.</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>check takes no arguments.</source>
        <translation>check ne prend pas d’argument.</translation>
    </message>
    <message>
        <source>The database passed every check: integrity, seat counts, ledger chain and replay.</source>
        <translation>La base de données a passé tous les contrôles&#xa0;: intégrité, nombres de sièges, chaîne du registre et rejeu.</translation>
    </message>
    <message numerus="yes">
        <source>The database failed %n check(s):</source>
        <translation>
            <numerusform>La base de données a échoué à %n contrôle&#xa0;:</numerusform>
            <numerusform>La base de données a échoué à %n contrôles&#xa0;:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Give the server’s name or address.</source>
        <translation>Indiquez le nom ou l’adresse du serveur.</translation>
    </message>
    <message>
        <source>Give the name of the database on the server.</source>
        <translation>Indiquez le nom de la base de données sur le serveur.</translation>
    </message>
    <message>
        <source>Connect to server…</source>
        <translation>Se connecter à un serveur…</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Serveur</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Base de données</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <source>SS&amp;L mode</source>
        <translation>Mode SS&amp;L</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>For this session only; never stored</source>
        <translation>Pour cette session seulement&#xa0;; jamais enregistré</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>The file is %1 MB; a file may be at most %2 MB.</source>
        <translation>Le fichier fait %1 Mo&#x202f;; un fichier peut faire au plus %2 Mo.</translation>
    </message>
    <message>
        <source>the text is not valid UTF-8.</source>
        <translation>le texte n&apos;est pas de l&apos;UTF-8 valide.</translation>
    </message>
    <message>
        <source>the line contains a NUL character.</source>
        <translation>la ligne contient un caractère NUL.</translation>
    </message>
    <message>
        <source>the quote opened on line %1 is never closed.</source>
        <translation>le guillemet ouvert à la ligne %1 n&apos;est jamais fermé.</translation>
    </message>
    <message>
        <source>there is text after the closing quote of field %1.</source>
        <translation>il y a du texte après le guillemet fermant du champ %1.</translation>
    </message>
    <message>
        <source>field %1 has a quote inside it; quote the whole field and double the quote.</source>
        <translation>le champ %1 contient un guillemet&#x202f;; mettez tout le champ entre guillemets et doublez le guillemet.</translation>
    </message>
</context>
<context>
    <name>DataFiles</name>
    <message>
        <source>%1 is the database (or one of its files); choose another file.</source>
        <translation>%1 est la base de données (ou l&apos;un de ses fichiers)&#x202f;; choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>Cannot read %1: it is not a file that can be read.</source>
        <translation>Impossible de lire %1&#x202f;: ce n&apos;est pas un fichier lisible.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#x202f;: %2</translation>
    </message>
    <message>
        <source>%1 is %2 MB; a file may be at most %3 MB.</source>
        <translation>%1 fait %2 Mo&#x202f;; un fichier peut faire au plus %3 Mo.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#x202f;: %2</translation>
    </message>
</context>
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
</context>
<context>
    <name>EmailList</name>
    <message>
        <source>“%1” is in the list twice (as “%2”).</source>
        <translation>«&#xa0;%1&#xa0;» figure deux fois dans la liste (comme «&#xa0;%2&#xa0;»).</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>Usage: export users|ledger [--output FILE] [--for-excel]</source>
        <translation>Utilisation&#x202f;: export users|ledger [--output FICHIER] [--for-excel]</translation>
    </message>
    <message>
        <source>--dry-run goes with import.</source>
        <translation>--dry-run va avec import.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1.</source>
        <translation>
            <numerusform>%n ligne écrite dans %1.</numerusform>
            <numerusform>%n lignes écrites dans %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export users</source>
        <translation>Exporter les utilisateurs</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>The current filter</source>
        <translation>Le filtre actuel</translation>
    </message>
    <message numerus="yes">
        <source>The selection (%n user(s))</source>
        <translation>
            <numerusform>La sélection (%n utilisateur)</numerusform>
            <numerusform>La sélection (%n utilisateurs)</numerusform>
        </translation>
    </message>
    <message>
        <source>For Excel</source>
        <translation>Pour Excel</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>Email address</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Sales seat</source>
        <translation>Siège Sales</translation>
    </message>
    <message>
        <source>Service seat</source>
        <translation>Siège Service</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Siège</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>Achetés</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Attribués</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Libres</translation>
    </message>
    <message>
        <source>#</source>
        <translation>n°</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Quand (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Avant → après</translation>
    </message>
    <message>
        <source>Written (UTC)</source>
        <translation>Écrite (UTC)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>%1 (login %2)</source>
        <translation>%1 (identifiant %2)</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>Pour qui</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Main team</source>
        <translation>Équipe principale</translation>
    </message>
    <message>
        <source>Additional teams</source>
        <translation>Équipes supplémentaires</translation>
    </message>
    <message>
        <source>Database login</source>
        <translation>Connexion à la base</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>Pour qui</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Avant → après</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>No change has been recorded yet.</source>
        <translation>Aucune modification n’a encore été enregistrée.</translation>
    </message>
    <message>
        <source>No change matches these filters.</source>
        <translation>Aucune modification ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Exporter l’historique</translation>
    </message>
    <message>
        <source>For Excel</source>
        <translation>Pour Excel</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Usage: import users FILE [--dry-run]</source>
        <translation>Utilisation&#x202f;: import users FICHIER [--dry-run]</translation>
    </message>
    <message>
        <source>--output and --for-excel go with export.</source>
        <translation>--output et --for-excel vont avec export.</translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n user(s) created</source>
        <translation>
            <numerusform>Importé&#x202f;: %n utilisateur créé</numerusform>
            <numerusform>Importé&#x202f;: %n utilisateurs créés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n changed.</source>
        <translation>
            <numerusform>, %n modifié.</numerusform>
            <numerusform>, %n modifiés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Imported: %n user(s) created</source>
        <translation>
            <numerusform>Importé&#x202f;: %n utilisateur créé</numerusform>
            <numerusform>Importé&#x202f;: %n utilisateurs créés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n changed.</source>
        <translation>
            <numerusform>, %n modifié.</numerusform>
            <numerusform>, %n modifiés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import users</source>
        <translation>Importer des utilisateurs</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s); nothing will be imported until they are fixed.</source>
        <translation>
            <numerusform>%n ligne incorrecte&#x202f;; rien ne sera importé avant qu&apos;elle soit corrigée.</numerusform>
            <numerusform>%n lignes incorrectes&#x202f;; rien ne sera importé avant qu&apos;elles soient corrigées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Bad rows</source>
        <translation>Lignes incorrectes</translation>
    </message>
    <message numerus="yes">
        <source>Buy %n seat(s)</source>
        <translation>
            <numerusform>Acheter %n siège</numerusform>
            <numerusform>Acheter %n sièges</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Buying seats…</source>
        <translation>Achat de sièges…</translation>
    </message>
</context>
<context>
    <name>ImportPlanner</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#x202f;: %2</translation>
    </message>
    <message>
        <source>only a Super admin can create another Super admin.</source>
        <translation>seul un Super administrateur peut créer un autre Super administrateur.</translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s); nothing will be imported until they are fixed:</source>
        <translation>
            <numerusform>%n ligne incorrecte&#x202f;; rien ne sera importé avant qu&apos;elle soit corrigée&#x202f;:</numerusform>
            <numerusform>%n lignes incorrectes&#x202f;; rien ne sera importé avant qu&apos;elles soient corrigées&#x202f;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) to create.</source>
        <translation>
            <numerusform>%n utilisateur à créer.</numerusform>
            <numerusform>%n utilisateurs à créer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) to change.</source>
        <translation>
            <numerusform>%n utilisateur à modifier.</numerusform>
            <numerusform>%n utilisateurs à modifier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) already as in the file.</source>
        <translation>
            <numerusform>%n utilisateur déjà comme dans le fichier.</numerusform>
            <numerusform>%n utilisateurs déjà comme dans le fichier.</numerusform>
        </translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation>Sièges&#x202f;:</translation>
    </message>
    <message>
        <source>  %1: %2 needed, %3 free.</source>
        <translation>  %1&#x202f;: %2 nécessaires, %3 disponibles.</translation>
    </message>
    <message numerus="yes">
        <source>Buy %n.</source>
        <translation>
            <numerusform>Achetez-en %n.</numerusform>
            <numerusform>Achetez-en %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s); nothing was imported.</source>
        <translation>
            <numerusform>%n ligne incorrecte&#x202f;; rien n&apos;a été importé.</numerusform>
            <numerusform>%n lignes incorrectes&#x202f;; rien n&apos;a été importé.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… et %n autre.</numerusform>
            <numerusform>… et %n autres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not enough seats; nothing was imported.</source>
        <translation>Pas assez de sièges&#x202f;; rien n&apos;a été importé.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 needed, %3 free. Buy %n more.</source>
        <translation>
            <numerusform>%1&#x202f;: %2 nécessaires, %3 disponibles. Achetez-en %n de plus.</numerusform>
            <numerusform>%1&#x202f;: %2 nécessaires, %3 disponibles. Achetez-en %n de plus.</numerusform>
        </translation>
    </message>
    <message>
        <source>Teams to create: %1.</source>
        <translation>Équipes à créer&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>InitCommand</name>
    <message>
        <source>init takes no arguments; name the Super admin with --admin EMAIL.</source>
        <translation>init ne prend pas d’argument&#xa0;; indiquez le Super administrateur avec --admin EMAIL.</translation>
    </message>
    <message>
        <source>init needs --admin EMAIL.</source>
        <translation>init a besoin de --admin EMAIL.</translation>
    </message>
    <message>
        <source>The first user of a database is always its Super admin.</source>
        <translation>Le premier utilisateur d’une base de données en est toujours le Super administrateur.</translation>
    </message>
    <message>
        <source>Created %1 with %2 as its Super admin.</source>
        <translation>%1 créée, avec %2 comme Super administrateur.</translation>
    </message>
    <message>
        <source>Created %1 with %2 as its Super admin, tied to the login “%3”.</source>
        <translation>%1 créée avec %2 comme Super administrateur, lié à l’identifiant de connexion «&#xa0;%3&#xa0;».</translation>
    </message>
</context>
<context>
    <name>LedgerAudit</name>
    <message>
        <source>Integrity check: %1</source>
        <translation>Contrôle d’intégrité&#xa0;: %1</translation>
    </message>
    <message>
        <source>A row of table %1 points to a missing row of %2.</source>
        <translation>Une ligne de la table %1 renvoie à une ligne absente de %2.</translation>
    </message>
    <message>
        <source>Unknown seat type %1 in assignments.</source>
        <translation>Type de siège inconnu %1 dans les attributions.</translation>
    </message>
    <message>
        <source>%1: the assigned count says %2 but %3 users hold one.</source>
        <translation>%1&#xa0;: le compteur indique %2 attribués mais %3 utilisateurs en détiennent un.</translation>
    </message>
    <message>
        <source>%1: %2 assigned but only %3 purchased.</source>
        <translation>%1&#xa0;: %2 attribués mais seulement %3 achetés.</translation>
    </message>
    <message>
        <source>%1 holds %2 as a %3 seat.</source>
        <translation>%1 détient %2 comme siège %3.</translation>
    </message>
    <message>
        <source>Ledger entry %1 was altered or the entry before it was removed.</source>
        <translation>L’entrée %1 du registre a été modifiée, ou l’entrée précédente supprimée.</translation>
    </message>
    <message>
        <source>Ledger entry %1 (%2) cannot be replayed.</source>
        <translation>L’entrée %1 (%2) du registre ne peut pas être rejouée.</translation>
    </message>
    <message>
        <source>%1: the ledger gives %2 purchased, the database holds %3.</source>
        <translation>%1&#xa0;: le registre donne %2 achetés, la base de données en contient %3.</translation>
    </message>
    <message>
        <source>%1 is in the database but not in the ledger.</source>
        <translation>%1 figure dans la base de données mais pas dans le registre.</translation>
    </message>
    <message>
        <source>%1 differs from the ledger: the database holds %2, the ledger gives %3.</source>
        <translation>%1 diffère du registre&#xa0;: la base de données contient %2, le registre donne %3.</translation>
    </message>
    <message>
        <source>%1 is in the ledger but not in the database.</source>
        <translation>%1 figure dans le registre mais pas dans la base de données.</translation>
    </message>
    <message>
        <source>%1 is stored under the key “%2” instead of “%3”.</source>
        <translation>%1 est enregistré sous la clé «&#xa0;%2&#xa0;» au lieu de «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>The team %1 is stored under the key “%2” instead of “%3”.</source>
        <translation>L’équipe %1 est enregistrée sous la clé «&#xa0;%2&#xa0;» au lieu de «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>The teams differ from the ledger: the database holds %1, the ledger gives %2.</source>
        <translation>Les équipes diffèrent du registre&#xa0;: la base contient %1, le registre donne %2.</translation>
    </message>
</context>
<context>
    <name>LedgerCommand</name>
    <message>
        <source>ledger takes no arguments.</source>
        <translation>ledger ne prend pas d’argument.</translation>
    </message>
</context>
<context>
    <name>LedgerText</name>
    <message>
        <source>%1, %2</source>
        <comment>role, name</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>—</source>
        <comment>no value before or after a change</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>Utilisateur créé</translation>
    </message>
    <message>
        <source>User deleted</source>
        <translation>Utilisateur supprimé</translation>
    </message>
    <message>
        <source>Seat assigned</source>
        <translation>Siège attribué</translation>
    </message>
    <message>
        <source>Access removed</source>
        <translation>Accès supprimé</translation>
    </message>
    <message>
        <source>Seats bought</source>
        <translation>Sièges achetés</translation>
    </message>
    <message>
        <source>Seats released</source>
        <translation>Sièges libérés</translation>
    </message>
    <message>
        <source>Database restored</source>
        <translation>Base de données restaurée</translation>
    </message>
    <message>
        <source>Created the user %1</source>
        <translation>Utilisateur %1 créé</translation>
    </message>
    <message>
        <source>Deleted the user %1</source>
        <translation>Utilisateur %1 supprimé</translation>
    </message>
    <message>
        <source>Moved %1 from %2 to %3</source>
        <translation>%1 passé de %2 à %3</translation>
    </message>
    <message>
        <source>Assigned %1 to %2</source>
        <translation>%1 attribué à %2</translation>
    </message>
    <message>
        <source>Removed the %1 access of %2</source>
        <translation>Accès %1 de %2 supprimé</translation>
    </message>
    <message numerus="yes">
        <source>Bought %n %1 seat(s)</source>
        <translation>
            <numerusform>%n siège %1 acheté</numerusform>
            <numerusform>%n sièges %1 achetés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Released %n %1 seat(s)</source>
        <translation>
            <numerusform>%n siège %1 libéré</numerusform>
            <numerusform>%n sièges %1 libérés</numerusform>
        </translation>
    </message>
    <message>
        <source>Restored the database from the backup %1</source>
        <translation>Base de données restaurée depuis la sauvegarde %1</translation>
    </message>
    <message>
        <source>%1 → %2 purchased</source>
        <translation>%1 → %2 achetés</translation>
    </message>
    <message>
        <source>the replaced file is kept as %1</source>
        <translation>le fichier remplacé est conservé sous le nom %1</translation>
    </message>
    <message>
        <source>No main team</source>
        <translation>Aucune équipe principale</translation>
    </message>
    <message>
        <source>Main team: %1</source>
        <translation>Équipe principale&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1; also %2</source>
        <comment>main team; additional teams</comment>
        <translation>%1&#xa0;; aussi %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between team names</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>User edited</source>
        <translation>Utilisateur modifié</translation>
    </message>
    <message>
        <source>Teams of a user changed</source>
        <translation>Équipes d’un utilisateur modifiées</translation>
    </message>
    <message>
        <source>Team created</source>
        <translation>Équipe créée</translation>
    </message>
    <message>
        <source>Team renamed</source>
        <translation>Équipe renommée</translation>
    </message>
    <message>
        <source>Team deleted</source>
        <translation>Équipe supprimée</translation>
    </message>
    <message>
        <source>Edited the user %1</source>
        <translation>Utilisateur %1 modifié</translation>
    </message>
    <message>
        <source>Changed the teams of %1</source>
        <translation>Équipes de %1 modifiées</translation>
    </message>
    <message>
        <source>Created the team “%1”</source>
        <translation>Équipe «&#xa0;%1&#xa0;» créée</translation>
    </message>
    <message>
        <source>Renamed the team “%1” to “%2”</source>
        <translation>Équipe «&#xa0;%1&#xa0;» renommée en «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Deleted the team “%1”</source>
        <translation>Équipe «&#xa0;%1&#xa0;» supprimée</translation>
    </message>
    <message>
        <source>%1, database login “%2”</source>
        <comment>person, login</comment>
        <translation>%1, connexion à la base «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Untied %1 from the database login “%2”</source>
        <translation>%1 délié de la connexion à la base «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Tied %1 to the database login “%2”</source>
        <translation>%1 lié à la connexion à la base «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>Tied %1 to the database login “%2” instead of “%3”</source>
        <translation>%1 lié à la connexion à la base «&#xa0;%2&#xa0;» au lieu de «&#xa0;%3&#xa0;»</translation>
    </message>
</context>
<context>
    <name>MainTeamDialog</name>
    <message>
        <source>Set main team</source>
        <translation>Définir l’équipe principale</translation>
    </message>
    <message>
        <source>Selected users: %1</source>
        <translation>Utilisateurs sélectionnés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Main team</source>
        <translation>Équipe principale</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Aucune équipe</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>OpenProblemDialog</name>
    <message>
        <source>Seatkeeper cannot open this database</source>
        <translation>Seatkeeper ne peut pas ouvrir cette base de données</translation>
    </message>
    <message>
        <source>There is no backup of this database. Quit, then look for another copy of the file; or, if another program is using it, close that program and try again.</source>
        <translation>Il n’y a aucune sauvegarde de cette base de données. Quittez, puis cherchez une autre copie du fichier&#xa0;; ou, si un autre programme l’utilise, fermez ce programme et réessayez.</translation>
    </message>
    <message numerus="yes">
        <source>You can restore it from one of its %n backup(s): the file as it is now is kept beside it, never deleted.</source>
        <translation>
            <numerusform>Vous pouvez la restaurer à partir de sa sauvegarde&#xa0;: le fichier dans son état actuel est conservé à côté, jamais supprimé.</numerusform>
            <numerusform>Vous pouvez la restaurer à partir de l’une de ses %n sauvegardes&#xa0;: le fichier dans son état actuel est conservé à côté, jamais supprimé.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Restaurer depuis une sauvegarde…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>Who are you?</source>
        <translation>Qui êtes-vous&#xa0;?</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>This database has several Super admins. Choose who you are; the window remembers it for this database.</source>
        <translation>Cette base de données a plusieurs Super administrateurs. Choisissez qui vous êtes&#xa0;; la fenêtre s’en souviendra pour cette base.</translation>
    </message>
    <message>
        <source>%1, who used this database last on this computer, is no longer one of its users. Choose who you are:</source>
        <translation>%1, qui a utilisé cette base de données en dernier sur cet ordinateur, n’en est plus un utilisateur. Choisissez qui vous êtes&#xa0;:</translation>
    </message>
    <message>
        <source>On a PostgreSQL database the operator is the login: this window is connected as the login “%1”, which is %2, not %3.</source>
        <translation>Sur une base de données PostgreSQL, l’opérateur est l’identifiant de connexion&#xa0;: cette fenêtre est connectée avec l’identifiant «&#xa0;%1&#xa0;», qui est %2, et non %3.</translation>
    </message>
</context>
<context>
    <name>Output</name>
    <message>
        <source>seatctl: %1</source>
        <translation>seatctl&#xa0;: %1</translation>
    </message>
    <message>
        <source>seatctl: warning: %1</source>
        <translation>seatctl&#xa0;: avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Usage:
  seatctl --database FILE|URI init --admin EMAIL
  seatctl --database FILE|URI [--as EMAIL] [--json] [--language en|fr] COMMAND

URI: postgresql://[user@]host[:port]/dbname; there the operator is the login.

Commands:
  users list
  users add EMAIL [--first NAME] [--last NAME] [--role user|admin|super-admin]
            [--login PGROLE]
  users edit EMAIL [--first NAME] [--last NAME] [--role ROLE] [--main-team TEAM]
                   [--add-team TEAM]… [--remove-team TEAM]… [--login PGROLE | --no-login]
  users delete EMAIL
  teams list
  teams add NAME
  teams rename NAME NEW
  teams delete NAME
  seats list
  seats buy TYPE N
  seats release TYPE N
  assign EMAIL TYPE
  unassign EMAIL PRODUCT
  apply PLAN
  ledger
  export users|ledger [--output FILE] [--for-excel]
  import users FILE [--dry-run]
  check
  backup | backup list
  restore BACKUP|latest

TYPE: sales-starter, sales-professional, sales-enterprise, service-starter,
      service-professional, service-enterprise
PRODUCT: sales, service
Exit status: 0 done, 1 refused by a rule, 2 usage error, 3 storage error.
</source>
        <translation>Utilisation&#xa0;:
  seatctl --database FICHIER|URI init --admin EMAIL
  seatctl --database FICHIER|URI [--as EMAIL] [--json] [--language en|fr] COMMANDE

URI&#xa0;: postgresql://[utilisateur@]hôte[:port]/base&#xa0;; l’opérateur y est l’identifiant de connexion.

Commandes&#xa0;:
  users list
  users add EMAIL [--first PRÉNOM] [--last NOM] [--role user|admin|super-admin]
            [--login RÔLEPG]
  users edit EMAIL [--first PRÉNOM] [--last NOM] [--role RÔLE] [--main-team ÉQUIPE]
                   [--add-team ÉQUIPE]… [--remove-team ÉQUIPE]… [--login RÔLEPG | --no-login]
  users delete EMAIL
  teams list
  teams add NOM
  teams rename NOM NOUVEAU
  teams delete NOM
  seats list
  seats buy TYPE N
  seats release TYPE N
  assign EMAIL TYPE
  unassign EMAIL PRODUIT
  apply PLAN
  ledger
  export users|ledger [--output FICHIER] [--for-excel]
  import users FICHIER [--dry-run]
  check
  backup | backup list
  restore SAUVEGARDE|latest

TYPE&#xa0;: sales-starter, sales-professional, sales-enterprise, service-starter,
      service-professional, service-enterprise
PRODUIT&#xa0;: sales, service
Code de sortie&#xa0;: 0 fait, 1 refusé par une règle, 2 erreur d’utilisation, 3 erreur de stockage.
</translation>
    </message>
</context>
<context>
    <name>PaidUsersModel</name>
    <message>
        <source>change the seat of %1</source>
        <translation>modifier le siège de %1</translation>
    </message>
    <message>
        <source>Unsaved change</source>
        <translation>Modification non enregistrée</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message numerus="yes">
        <source>change the seats of %n user(s)</source>
        <translation>
            <numerusform>changer les sièges de %n utilisateur</numerusform>
            <numerusform>changer les sièges de %n utilisateurs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaidUsersPage</name>
    <message>
        <source>Manage paid users</source>
        <translation>Gérer les utilisateurs payants</translation>
    </message>
    <message numerus="yes">
        <source>You have %n unsaved change(s). Save them before leaving?</source>
        <translation>
            <numerusform>Vous avez %n modification non enregistrée. L’enregistrer avant de partir&#xa0;?</numerusform>
            <numerusform>Vous avez %n modifications non enregistrées. Les enregistrer avant de partir&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>%1 purchased: %2</source>
        <translation>%1 achetés&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 assigned: %2</source>
        <translation>%1 attribués&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Buy %n more %1 seat(s), or clear %n box(es).</source>
        <translation>
            <numerusform>Achetez %n siège %1 de plus, ou décochez %n case.</numerusform>
            <numerusform>Achetez %n sièges %1 de plus, ou décochez %n cases.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved change(s)</source>
        <translation>
            <numerusform>%n modification non enregistrée</numerusform>
            <numerusform>%n modifications non enregistrées</numerusform>
        </translation>
    </message>
    <message>
        <source>Users &amp; Teams</source>
        <translation>Utilisateurs et équipes</translation>
    </message>
    <message>
        <source>Search by name or email</source>
        <translation>Rechercher par nom ou e-mail</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Défaire</translation>
    </message>
    <message>
        <source>Undo the last tick (Ctrl+Z)</source>
        <translation>Défaire la dernière case cochée (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Rétablir (Ctrl+Maj+Z)</translation>
    </message>
    <message>
        <source>Purchased</source>
        <comment>seat count</comment>
        <translation>Achetés</translation>
    </message>
    <message>
        <source>Assigned</source>
        <comment>seat count</comment>
        <translation>Attribués</translation>
    </message>
    <message>
        <source>Seats changed in another window since this list was loaded. Save checks each of your changes against the new data; Cancel shows it.</source>
        <translation>Des sièges ont changé dans une autre fenêtre depuis le chargement de cette liste. Enregistrer vérifie chacune de vos modifications par rapport aux nouvelles données&#xa0;; Annuler les affiche.</translation>
    </message>
    <message>
        <source>You are signed in as %1, a User: you can see the seats but only a Super admin or an Admin can change them.</source>
        <translation>Vous êtes connecté en tant que %1, Utilisateur&#xa0;: vous voyez les sièges, mais seul un Super administrateur ou un Administrateur peut les modifier.</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n change(s)…</source>
        <translation>
            <numerusform>Enregistrement de %n modification…</numerusform>
            <numerusform>Enregistrement de %n modifications…</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: your changes are kept, and can be saved once the server is back.</source>
        <translation>Hors ligne&#xa0;: vos modifications sont conservées et pourront être enregistrées dès le retour du serveur.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>The server of %1 asks for a password. It is used for this session only, and never stored.</source>
        <translation>Le serveur de %1 demande un mot de passe. Il ne sert que pour cette session et n’est jamais enregistré.</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>The plan is %1 MB; a plan may be at most %2 MB.</source>
        <translation>Le plan fait %1&#xa0;Mo&#xa0;; un plan peut faire au plus %2&#xa0;Mo.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>the text is not valid UTF-8.</source>
        <translation>le texte n’est pas de l’UTF-8 valide.</translation>
    </message>
    <message>
        <source>the line contains a NUL character.</source>
        <translation>la ligne contient un caractère NUL.</translation>
    </message>
    <message>
        <source>expected “assign EMAIL TYPE”.</source>
        <translation>attendu «&#xa0;assign EMAIL TYPE&#xa0;».</translation>
    </message>
    <message>
        <source>unknown seat type “%1”; expected one of sales-starter, sales-professional, sales-enterprise, service-starter, service-professional, service-enterprise.</source>
        <translation>type de siège inconnu «&#xa0;%1&#xa0;»&#xa0;; attendu sales-starter, sales-professional, sales-enterprise, service-starter, service-professional ou service-enterprise.</translation>
    </message>
    <message>
        <source>expected “unassign EMAIL PRODUCT”.</source>
        <translation>attendu «&#xa0;unassign EMAIL PRODUCT&#xa0;».</translation>
    </message>
    <message>
        <source>unknown product “%1”; expected sales or service.</source>
        <translation>produit inconnu «&#xa0;%1&#xa0;»&#xa0;; attendu sales ou service.</translation>
    </message>
    <message>
        <source>unknown command “%1”; expected assign or unassign.</source>
        <translation>commande inconnue «&#xa0;%1&#xa0;»&#xa0;; attendu assign ou unassign.</translation>
    </message>
    <message>
        <source>The plan could not be read: %1</source>
        <translation>Le plan n’a pas pu être lu&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>PostgresDatabase</name>
    <message>
        <source>%1 is not a database address Seatkeeper understands: %2 It takes the form postgresql://[user@]host[:port]/dbname[?sslmode=…].</source>
        <translation>%1 n’est pas une adresse de base de données que Seatkeeper comprend&#xa0;: %2 Elle a la forme postgresql://[utilisateur@]hôte[:port]/nom_de_base[?sslmode=…].</translation>
    </message>
    <message>
        <source>it is not a valid URI.</source>
        <translation>ce n’est pas une URI valide.</translation>
    </message>
    <message>
        <source>it names no database.</source>
        <translation>elle ne nomme aucune base de données.</translation>
    </message>
    <message>
        <source>it has a part after “#”.</source>
        <translation>elle a une partie après «&#xa0;#&#xa0;».</translation>
    </message>
    <message>
        <source>the option “%1” is not supported (only sslmode is).</source>
        <translation>l’option «&#xa0;%1&#xa0;» n’est pas prise en charge (seule sslmode l’est).</translation>
    </message>
    <message>
        <source>sslmode must be one of %1.</source>
        <translation>sslmode doit valoir l’une de ces valeurs&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The database %1 already holds Seatkeeper data.</source>
        <translation>La base de données %1 contient déjà des données Seatkeeper.</translation>
    </message>
    <message>
        <source>The database %1 already holds tables of another application. Seatkeeper creates its own only in an empty database, and left this one as it was.</source>
        <translation>La base de données %1 contient déjà des tables d’une autre application. Seatkeeper ne crée les siennes que dans une base vide, et a laissé celle-ci telle quelle.</translation>
    </message>
    <message>
        <source>The PostgreSQL driver of Qt is missing (package libqt6sql6-psql).</source>
        <translation>Le pilote PostgreSQL de Qt est absent (paquet libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>Seatkeeper could not connect to the database %1: %2</source>
        <translation>Seatkeeper n’a pas pu se connecter à la base de données %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The database %1 is empty: it holds no Seatkeeper data yet. Create it with “seatctl --database %1 init --admin EMAIL”.</source>
        <translation>La base de données %1 est vide&#xa0;: elle ne contient pas encore de données Seatkeeper. Créez-les avec «&#xa0;seatctl --database %1 init --admin EMAIL&#xa0;».</translation>
    </message>
    <message>
        <source>The database %1 is not a Seatkeeper database.</source>
        <translation>La base de données %1 n’est pas une base de données Seatkeeper.</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of Seatkeeper (schema %2; this version reads up to %3). Use a newer Seatkeeper.</source>
        <translation>La base de données %1 a été écrite par une version plus récente de Seatkeeper (schéma %2&#xa0;; cette version lit jusqu’au %3). Utilisez un Seatkeeper plus récent.</translation>
    </message>
    <message>
        <source>The database %1 is damaged: the table %2 is missing.</source>
        <translation>La base de données %1 est endommagée&#xa0;: la table %2 manque.</translation>
    </message>
    <message>
        <source>The database %1 is busy with another change. Try again in a moment.</source>
        <translation>La base de données %1 est occupée par une autre modification. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The connection to the database %1 was lost: %2</source>
        <translation>La connexion à la base de données %1 a été perdue&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server of %1 refused the login: %2</source>
        <translation>Le serveur de %1 a refusé la connexion de cet identifiant&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server of %1 does not allow this login to do that: %2</source>
        <translation>Le serveur de %1 n’autorise pas cet identifiant à faire cela&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server of %1 has run out of disk space. Nothing was changed.</source>
        <translation>Le serveur de %1 manque d’espace disque. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The database %1 could not be read or written (PostgreSQL: %2).</source>
        <translation>La base de données %1 n’a pas pu être lue ou écrite (PostgreSQL&#xa0;: %2).</translation>
    </message>
    <message>
        <source>The change to %1 was not saved: a part of it failed.</source>
        <translation>La modification de %1 n’a pas été enregistrée&#xa0;: une partie a échoué.</translation>
    </message>
    <message>
        <source>The database address carries a password. Passwords never go on the command line or into settings: libpq reads them from PGPASSWORD, from ~/.pgpass or from a service file named by PGSERVICE. Give the address without it.</source>
        <translation>L’adresse de la base de données contient un mot de passe. Les mots de passe ne vont jamais sur la ligne de commande ni dans les réglages&#xa0;: libpq les lit dans PGPASSWORD, dans ~/.pgpass ou dans un fichier de service désigné par PGSERVICE. Donnez l’adresse sans lui.</translation>
    </message>
    <message>
        <source>The database %1 has the layout of an older version of Seatkeeper (schema %2; this version needs %3). Only its owner may bring it up to date: the owner opens it once, for instance with “seatctl --database %1 check”. This login (%4) may not.</source>
        <translation>La base de données %1 a la structure d’une version plus ancienne de Seatkeeper (schéma %2&#xa0;; cette version demande %3). Seul son propriétaire peut la mettre à jour&#xa0;: il l’ouvre une fois, par exemple avec «&#xa0;seatctl --database %1 check&#xa0;». Cet identifiant de connexion (%4) ne le peut pas.</translation>
    </message>
    <message>
        <source>The database %1 could not be brought up to date; it was left as it was: %2</source>
        <translation>La base de données %1 n’a pas pu être mise à jour&#xa0;; elle a été laissée telle quelle&#xa0;: %2</translation>
    </message>
    <message>
        <source>The login %1 may not read the database %2. If an older version of Seatkeeper made it, its owner must open it once with this version to bring it up to date; from then on every login the server lets in may read it.</source>
        <translation>L’identifiant de connexion %1 ne peut pas lire la base de données %2. Si une version plus ancienne de Seatkeeper l’a créée, son propriétaire doit l’ouvrir une fois avec cette version pour la mettre à jour&#xa0;; ensuite, tout identifiant admis par le serveur peut la lire.</translation>
    </message>
    <message>
        <source>The server of %1 did not answer (network down or server stopped): %2</source>
        <translation>Le serveur de %1 n’a pas répondu (réseau coupé ou serveur arrêté)&#xa0;: %2</translation>
    </message>
    <message>
        <source>The login %1 may not change %2: the server lets only the logins of Admins and Super admins write.</source>
        <translation>L’identifiant %1 ne peut pas modifier %2&#xa0;: le serveur ne laisse écrire que les identifiants des Administrateurs et des Super administrateurs.</translation>
    </message>
</context>
<context>
    <name>PostgresStore</name>
    <message>
        <source>%1 is a database on a PostgreSQL server: Seatkeeper does not back it up or restore it (yet). Use the server’s own tools, such as pg_dump and pg_restore.</source>
        <translation>%1 est une base de données sur un serveur PostgreSQL&#xa0;: Seatkeeper ne la sauvegarde ni ne la restaure (pas encore). Utilisez les outils du serveur, comme pg_dump et pg_restore.</translation>
    </message>
    <message>
        <source>The server of %1 has no login “%2”. Logins are created by its administrator (CREATE ROLE … LOGIN); then tie it to a user.</source>
        <translation>Le serveur de %1 n’a pas d’identifiant de connexion «&#xa0;%2&#xa0;». Les identifiants sont créés par son administrateur (CREATE ROLE … LOGIN)&#xa0;; liez-le ensuite à un utilisateur.</translation>
    </message>
    <message>
        <source>The login “%1” is already tied to %2.</source>
        <translation>L’identifiant de connexion «&#xa0;%1&#xa0;» est déjà lié à %2.</translation>
    </message>
    <message>
        <source>Ledger entry %1 does not say which login wrote it.</source>
        <translation>L’entrée %1 du registre ne dit pas quel identifiant de connexion l’a écrite.</translation>
    </message>
    <message>
        <source>%1: the server counts %2 users holding one, the assigned count says %3.</source>
        <translation>%1&#xa0;: le serveur compte %2 utilisateurs qui en détiennent un, le nombre attribué indique %3.</translation>
    </message>
    <message>
        <source>The server of %1 gave a time Seatkeeper cannot read: %2.</source>
        <translation>Le serveur de %1 a donné une heure que Seatkeeper ne sait pas lire&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>RestoreCommand</name>
    <message>
        <source>Usage: restore BACKUP|latest</source>
        <translation>Utilisation&#xa0;: restore SAUVEGARDE|latest</translation>
    </message>
    <message>
        <source>There is no backup of %1 to restore.</source>
        <translation>Il n’y a aucune sauvegarde de %1 à restaurer.</translation>
    </message>
    <message>
        <source>Restored %1 from the backup %2.</source>
        <translation>%1 restaurée à partir de la sauvegarde %2.</translation>
    </message>
    <message>
        <source>The file it replaced is kept as %1.</source>
        <translation>Le fichier remplacé est conservé sous le nom %1.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurer depuis une sauvegarde</translation>
    </message>
    <message>
        <source>Choose the backup of %1 to restore. Changes made after it was taken will not be in the restored database; the file as it is now is kept beside it.</source>
        <translation>Choisissez la sauvegarde de %1 à restaurer. Les modifications faites après elle ne seront pas dans la base restaurée&#xa0;; le fichier dans son état actuel est conservé à côté.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>%1 was restored from the backup of %2.</source>
        <translation>%1 a été restaurée à partir de la sauvegarde du %2.</translation>
    </message>
    <message>
        <source>The file it replaced is kept as %1.</source>
        <translation>Le fichier remplacé est conservé sous le nom %1.</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>Restauration de %1…</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Replace %1 with the backup of %2?</source>
        <translation>Remplacer %1 par la sauvegarde du %2&#xa0;?</translation>
    </message>
    <message>
        <source>Every user, seat and change made after that backup (%1) will be gone from the database. The file as it is now is kept beside it.</source>
        <translation>Les utilisateurs, sièges et changements faits après cette sauvegarde (%1) disparaîtront de la base de données. Le fichier tel qu’il est maintenant est conservé à côté.</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Super admin</source>
        <translation>Super administrateur</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
</context>
<context>
    <name>SeatAccessTab</name>
    <message>
        <source>Sales access</source>
        <translation>Accès aux ventes</translation>
    </message>
    <message>
        <source>Service Hub access</source>
        <translation>Accès Service Hub</translation>
    </message>
    <message>
        <source>Buy another user</source>
        <translation>Acheter un autre utilisateur</translation>
    </message>
    <message>
        <source>Assigned: %1 of %2</source>
        <translation>Attribués&#xa0;: %1 sur %2</translation>
    </message>
</context>
<context>
    <name>SeatDatabase</name>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Le fichier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 n’est pas un fichier.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>Le fichier %1 ne peut pas être lu&#xa0;: %2</translation>
    </message>
    <message>
        <source>The file %1 is empty: it is not a Seatkeeper database.</source>
        <translation>Le fichier %1 est vide&#xa0;: ce n’est pas une base de données Seatkeeper.</translation>
    </message>
    <message>
        <source>The file %1 is not a Seatkeeper database.</source>
        <translation>Le fichier %1 n’est pas une base de données Seatkeeper.</translation>
    </message>
    <message>
        <source>The file %1 is a database of another application, not of Seatkeeper.</source>
        <translation>Le fichier %1 est une base de données d’une autre application, pas de Seatkeeper.</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of Seatkeeper (schema %2; this version reads up to %3). Use a newer Seatkeeper.</source>
        <translation>La base de données %1 a été écrite par une version plus récente de Seatkeeper (schéma %2&#xa0;; cette version lit jusqu’au %3). Utilisez un Seatkeeper plus récent.</translation>
    </message>
    <message>
        <source>The database %1 is damaged (the file is shorter than SQLite says). Restore it from a backup.</source>
        <translation>La base de données %1 est endommagée (le fichier est plus court que ce qu’indique SQLite). Restaurez-la à partir d’une sauvegarde.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The SQLite driver of Qt is missing (package libqt6sql6-sqlite).</source>
        <translation>Le pilote SQLite de Qt est absent (paquet libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>Foreign keys cannot be enabled on %1.</source>
        <translation>Les clés étrangères ne peuvent pas être activées sur %1.</translation>
    </message>
    <message>
        <source>The database %1 is damaged: the table %2 is missing. Restore it from a backup.</source>
        <translation>La base de données %1 est endommagée&#xa0;: la table %2 manque. Restaurez-la à partir d’une sauvegarde.</translation>
    </message>
    <message>
        <source>The database %1 is locked by another program. Try again when it is done.</source>
        <translation>La base de données %1 est verrouillée par un autre programme. Réessayez quand il aura terminé.</translation>
    </message>
    <message>
        <source>The database %1 is damaged. Restore it from a backup.</source>
        <translation>La base de données %1 est endommagée. Restaurez-la à partir d’une sauvegarde.</translation>
    </message>
    <message>
        <source>The database %1 needs an upgrade, and no backup could be written first, so nothing was changed. %2</source>
        <translation>La base de données %1 doit être mise à niveau, mais aucune sauvegarde n’a pu être écrite avant&#xa0;; rien n’a donc été modifié. %2</translation>
    </message>
    <message>
        <source>The database %1 is damaged (%2). Restore it from a backup.</source>
        <translation>La base de données %1 est endommagée (%2). Restaurez-la à partir d’une sauvegarde.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist, so neither does the database %2.</source>
        <translation>Le dossier %1 n’existe pas, ni donc la base de données %2.</translation>
    </message>
    <message>
        <source>The disk that holds the database %1 is full. Nothing was changed; free some space and try again.</source>
        <translation>Le disque qui contient la base de données %1 est plein. Rien n’a été modifié&#xa0;; libérez de l’espace et réessayez.</translation>
    </message>
    <message>
        <source>The folder %1 that holds the database %2 is read-only. Seatkeeper writes its journal files next to the database, even to read it: make the folder writable, or copy the database to a folder you can write to.</source>
        <translation>Le dossier %1 qui contient la base de données %2 est en lecture seule. Seatkeeper écrit ses fichiers journaux à côté de la base, même pour la lire&#xa0;: rendez le dossier accessible en écriture, ou copiez la base dans un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <source>The database %1 is read-only for you. Make the file writable, or copy it to a folder you can write to.</source>
        <translation>La base de données %1 est en lecture seule pour vous. Rendez le fichier accessible en écriture, ou copiez-le dans un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <source>The database %1 or its journal files (%2, %3) cannot be written. Check their permissions and the free space of the disk.</source>
        <translation>La base de données %1 ou ses fichiers journaux (%2, %3) ne peuvent pas être écrits. Vérifiez leurs droits d’accès et l’espace libre du disque.</translation>
    </message>
    <message>
        <source>The database %1 could not be read or written: the disk reported an input/output error. Check the disk, then restore from a backup if the problem stays.</source>
        <translation>La base de données %1 n’a pas pu être lue ou écrite&#xa0;: le disque a signalé une erreur d’entrée-sortie. Vérifiez le disque, puis restaurez une sauvegarde si le problème persiste.</translation>
    </message>
    <message>
        <source>The database %1 could not be read or written (SQLite: %2).</source>
        <translation>La base de données %1 n’a pas pu être lue ou écrite (SQLite&#xa0;: %2).</translation>
    </message>
    <message>
        <source>The database %1 cannot be upgraded: the users %2 and %3 are one mailbox written in two ways, and Seatkeeper now counts them as one. Delete one of them with the previous version of Seatkeeper, then open the database again. Nothing was changed.</source>
        <translation>La base de données %1 ne peut pas être mise à niveau&#xa0;: les utilisateurs %2 et %3 sont une même boîte aux lettres écrite de deux façons, que Seatkeeper compte désormais comme une seule. Supprimez l’un des deux avec la version précédente de Seatkeeper, puis rouvrez la base de données. Rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>SeatLedger</name>
    <message numerus="yes">
        <source>This database has %n Super admins; name the operator with --as.</source>
        <translation>
            <numerusform>Cette base de données a %n Super administrateur&#xa0;; indiquez l’opérateur avec --as.</numerusform>
            <numerusform>Cette base de données a %n Super administrateurs&#xa0;; indiquez l’opérateur avec --as.</numerusform>
        </translation>
    </message>
    <message>
        <source>No user has the email address “%1”.</source>
        <translation>Aucun utilisateur n’a l’adresse e-mail «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>No operator is set: name one with --as.</source>
        <translation>Aucun opérateur n’est défini&#xa0;: indiquez-en un avec --as.</translation>
    </message>
    <message>
        <source>The operator %1 is no longer a user of this account.</source>
        <translation>L’opérateur %1 n’est plus un utilisateur de ce compte.</translation>
    </message>
    <message>
        <source>%1 is a User: only a Super admin or an Admin can change users and seats.</source>
        <translation>%1 est Utilisateur&#xa0;: seul un Super administrateur ou un Administrateur peut modifier les utilisateurs et les sièges.</translation>
    </message>
    <message>
        <source>%1 is not a Sales Hub seat.</source>
        <translation>%1 n’est pas un siège Sales Hub.</translation>
    </message>
    <message>
        <source>%1 is not a Service Hub seat.</source>
        <translation>%1 n’est pas un siège Service Hub.</translation>
    </message>
    <message>
        <source>A user with the email address “%1” already exists.</source>
        <translation>Un utilisateur avec l’adresse e-mail «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>Only a Super admin can create another Super admin.</source>
        <translation>Seul un Super administrateur peut créer un autre Super administrateur.</translation>
    </message>
    <message>
        <source>%1 still holds a %2 seat. Remove their %3 access first, then delete the user.</source>
        <translation>%1 détient encore un siège %2. Supprimez d’abord son accès %3, puis supprimez l’utilisateur.</translation>
    </message>
    <message>
        <source>You cannot delete yourself; ask another admin.</source>
        <translation>Vous ne pouvez pas vous supprimer vous-même&#xa0;; demandez à un autre administrateur.</translation>
    </message>
    <message>
        <source>Only a Super admin can delete a Super admin.</source>
        <translation>Seul un Super administrateur peut supprimer un Super administrateur.</translation>
    </message>
    <message>
        <source>%1 already holds a %2 seat.</source>
        <translation>%1 détient déjà un siège %2.</translation>
    </message>
    <message>
        <source>%1 holds no %2 seat.</source>
        <translation>%1 ne détient aucun siège %2.</translation>
    </message>
    <message>
        <source>The number of seats to buy must be between 1 and %1.</source>
        <translation>Le nombre de sièges à acheter doit être compris entre 1 et %1.</translation>
    </message>
    <message>
        <source>The number of seats to release must be between 1 and %1.</source>
        <translation>Le nombre de sièges à libérer doit être compris entre 1 et %1.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n %1 seat(s) are free (%2 purchased, %3 assigned); release at most that many, or remove access first.</source>
        <translation>
            <numerusform>Seul %n siège %1 est libre (%2 achetés, %3 attribués)&#xa0;; libérez-en au plus autant, ou supprimez d’abord des accès.</numerusform>
            <numerusform>Seuls %n sièges %1 sont libres (%2 achetés, %3 attribués)&#xa0;; libérez-en au plus autant, ou supprimez d’abord des accès.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Line %1: %2 already holds a %3 seat.</source>
        <translation>Ligne %1&#xa0;: %2 détient déjà un siège %3.</translation>
    </message>
    <message>
        <source>Line %1: %2 holds no %3 seat.</source>
        <translation>Ligne %1&#xa0;: %2 ne détient aucun siège %3.</translation>
    </message>
    <message>
        <source>No free %1 seat: %2 purchased, %3 assigned. Buy another seat first.</source>
        <translation>Aucun siège %1 libre&#xa0;: %2 achetés, %3 attribués. Achetez d’abord un autre siège.</translation>
    </message>
    <message numerus="yes">
        <source>Not enough %1 seats: %2 purchased, %3 assigned, %4 more wanted. Buy %n more seat(s), or assign fewer.</source>
        <translation>
            <numerusform>Pas assez de sièges %1&#xa0;: %2 achetés, %3 attribués, %4 de plus demandés. Achetez %n siège de plus, ou attribuez-en moins.</numerusform>
            <numerusform>Pas assez de sièges %1&#xa0;: %2 achetés, %3 attribués, %4 de plus demandés. Achetez %n sièges de plus, ou attribuez-en moins.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a %2 seat.</source>
        <translation>%1 n’est pas un siège %2.</translation>
    </message>
    <message>
        <source>%1 has two changes of their %2 seat in one save.</source>
        <translation>%1 a deux modifications de son siège %2 dans un même enregistrement.</translation>
    </message>
    <message>
        <source>%1 was deleted.</source>
        <translation>%1 a été supprimé.</translation>
    </message>
    <message>
        <source>%1&apos;s %2 seat is now %3 (it was %4).</source>
        <translation>Le siège %2 de %1 est maintenant %3 (c’était %4).</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no seat</comment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Another admin changed these seats since you opened them; nothing was saved. Review the refreshed list and try again.
%1</source>
        <translation>Un autre administrateur a modifié ces sièges depuis que vous les avez ouverts&#xa0;; rien n’a été enregistré. Vérifiez la liste actualisée et réessayez.
%1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 purchased, %3 would be assigned. Buy %n more, or assign %n fewer.</source>
        <translation>
            <numerusform>%1&#xa0;: %2 achetés, %3 seraient attribués. Achetez-en %n de plus, ou attribuez-en %n de moins.</numerusform>
            <numerusform>%1&#xa0;: %2 achetés, %3 seraient attribués. Achetez-en %n de plus, ou attribuez-en %n de moins.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not enough seats; nothing was saved.
%1</source>
        <translation>Pas assez de sièges&#xa0;; rien n’a été enregistré.
%1</translation>
    </message>
    <message>
        <source>%1 was restored from %2, but the restore could not be recorded in its ledger: %3</source>
        <translation>%1 a été restaurée à partir de %2, mais la restauration n’a pas pu être inscrite dans son registre&#xa0;: %3</translation>
    </message>
    <message>
        <source>An account can hold at most %1 %2 seats; %3 are purchased, so at most %4 more can be bought.</source>
        <translation>Un compte peut détenir au plus %1 sièges %2&#xa0;; %3 sont achetés, vous pouvez donc en acheter au plus %4 de plus.</translation>
    </message>
    <message>
        <source>Only a user of a database on a PostgreSQL server can be tied to a login.</source>
        <translation>Seul un utilisateur d’une base de données sur un serveur PostgreSQL peut être lié à un identifiant de connexion.</translation>
    </message>
    <message>
        <source>“%1” cannot be a PostgreSQL login.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut pas être un identifiant de connexion PostgreSQL.</translation>
    </message>
    <message>
        <source>A team named “%1” already exists.</source>
        <translation>Une équipe nommée «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>The members of “%1” cannot be moved to the team being deleted.</source>
        <translation>Les membres de «&#xa0;%1&#xa0;» ne peuvent pas être déplacés vers l’équipe que l’on supprime.</translation>
    </message>
    <message>
        <source>The team “%1” is both to join and to leave.</source>
        <translation>L’équipe «&#xa0;%1&#xa0;» est à la fois à rejoindre et à quitter.</translation>
    </message>
    <message>
        <source>Only a Super admin can make or unmake a Super admin.</source>
        <translation>Seul un Super administrateur peut nommer ou destituer un Super administrateur.</translation>
    </message>
    <message>
        <source>%1 is the only Super admin: their role cannot change. Make another user Super admin first.</source>
        <translation>%1 est le seul Super administrateur&#xa0;: son rôle ne peut pas changer. Nommez d’abord un autre utilisateur Super administrateur.</translation>
    </message>
    <message>
        <source>%1 is not in the team “%2”.</source>
        <translation>%1 ne fait pas partie de l’équipe «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>“%1” is the main team of %2; a team is either their main team or an additional one.</source>
        <translation>«&#xa0;%1&#xa0;» est l’équipe principale de %2&#xa0;; une équipe est soit son équipe principale, soit une équipe supplémentaire.</translation>
    </message>
    <message>
        <source>No team is named “%1”.</source>
        <translation>Aucune équipe ne s’appelle «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Another admin kept changing users during the import; nothing was imported. Try again.</source>
        <translation>Un autre administrateur a modifié les utilisateurs pendant l&apos;import&#x202f;; rien n&apos;a été importé. Réessayez.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>L&apos;import a été annulé&#x202f;; rien n&apos;a été modifié.</translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected users still hold a seat. Remove their access first; nobody was deleted.</source>
        <translation>
            <numerusform>%n des utilisateurs sélectionnés détient encore un siège. Supprimez d&apos;abord son accès&#x202f;; personne n&apos;a été supprimé.</numerusform>
            <numerusform>%n des utilisateurs sélectionnés détiennent encore un siège. Supprimez d&apos;abord leur accès&#x202f;; personne n&apos;a été supprimé.</numerusform>
        </translation>
    </message>
    <message>
        <source>The login “%1” is tied to no Seatkeeper user, so it can see everything but change nothing. Ask a Super admin to run: seatctl users edit EMAIL --login %1</source>
        <translation>L’identifiant de connexion «&#xa0;%1&#xa0;» n’est lié à aucun utilisateur de Seatkeeper&#xa0;: il voit tout mais ne peut rien modifier. Demandez à un Super administrateur d’exécuter&#xa0;: seatctl users edit EMAIL --login %1</translation>
    </message>
    <message>
        <source>Only a Super admin can tie a user to a login, change it or untie it.</source>
        <translation>Seul un Super administrateur peut lier un utilisateur à un identifiant de connexion, le changer ou le délier.</translation>
    </message>
    <message>
        <source>You cannot change or untie your own login: this window or seatctl acts through it. Ask another Super admin.</source>
        <translation>Vous ne pouvez pas changer ni délier votre propre identifiant de connexion&#xa0;: cette fenêtre ou seatctl agit à travers lui. Demandez-le à un autre Super administrateur.</translation>
    </message>
    <message>
        <source>You cannot make yourself a User on a server: your login writes the change, and a User&apos;s login writes nothing. Ask another Admin or a Super admin.</source>
        <translation>Vous ne pouvez pas vous rendre Utilisateur sur un serveur&#xa0;: votre identifiant écrit la modification, et l’identifiant d’un Utilisateur n’écrit rien. Demandez-le à un autre Administrateur ou à un Super administrateur.</translation>
    </message>
</context>
<context>
    <name>SeatOverview</name>
    <message>
        <source>Purchased</source>
        <comment>seat count</comment>
        <translation>Achetés</translation>
    </message>
    <message>
        <source>Assigned</source>
        <comment>seat count</comment>
        <translation>Attribués</translation>
    </message>
    <message>
        <source>Free</source>
        <comment>seat count</comment>
        <translation>Disponibles</translation>
    </message>
    <message>
        <source>%1 purchased, %2 assigned, %3 free.</source>
        <translation>%1 achetés, %2 attribués, %3 disponibles.</translation>
    </message>
    <message>
        <source>No free seat: buy more before assigning one.</source>
        <translation>Aucun siège disponible&#xa0;: achetez-en avant d’en attribuer un.</translation>
    </message>
    <message>
        <source>Click to list only the users who hold this seat.</source>
        <translation>Cliquez pour n’afficher que les utilisateurs qui ont ce siège.</translation>
    </message>
    <message>
        <source>None free</source>
        <translation>Aucun disponible</translation>
    </message>
    <message>
        <source>%1 purchased: %2</source>
        <translation>%1 achetés&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 assigned: %2</source>
        <translation>%1 attribués&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 free: %2</source>
        <translation>%1 disponibles&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>SeatType</name>
    <message>
        <source>Sales Starter</source>
        <translation>Sales Starter</translation>
    </message>
    <message>
        <source>Sales Professional</source>
        <translation>Sales Pro</translation>
    </message>
    <message>
        <source>Sales Enterprise</source>
        <translation>Sales Entreprise</translation>
    </message>
    <message>
        <source>Service Starter</source>
        <translation>Service Starter</translation>
    </message>
    <message>
        <source>Service Professional</source>
        <translation>Service Pro</translation>
    </message>
    <message>
        <source>Service Enterprise</source>
        <translation>Service Entreprise</translation>
    </message>
    <message>
        <source>Sales Hub</source>
        <translation>Sales Hub</translation>
    </message>
    <message>
        <source>Service Hub</source>
        <translation>Service Hub</translation>
    </message>
    <message>
        <source>Starter</source>
        <translation>Starter</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Entreprise</translation>
    </message>
</context>
<context>
    <name>Seatctl</name>
    <message>
        <source>The operator (an existing user).</source>
        <translation>L’opérateur (un utilisateur existant).</translation>
    </message>
    <message>
        <source>Print one JSON document.</source>
        <translation>Afficher un seul document JSON.</translation>
    </message>
    <message>
        <source>The first Super admin (init).</source>
        <translation>Le premier Super administrateur (init).</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Afficher cette aide.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Afficher la version.</translation>
    </message>
    <message>
        <source>Language of messages: en or fr.</source>
        <translation>Langue des messages&#xa0;: en ou fr.</translation>
    </message>
    <message>
        <source>Unknown language “%1”; expected en or fr.</source>
        <translation>Langue inconnue «&#xa0;%1&#xa0;»&#xa0;; attendu en ou fr.</translation>
    </message>
    <message>
        <source>--database FILE is required.</source>
        <translation>--database FICHIER est obligatoire.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Aucune commande donnée.</translation>
    </message>
    <message>
        <source>--admin goes with init.</source>
        <translation>--admin va avec init.</translation>
    </message>
    <message>
        <source>Unknown command “%1”.</source>
        <translation>Commande inconnue «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--database needs the name of a database file; it was empty.</source>
        <translation>--database attend le nom d’un fichier de base de données&#xa0;; il était vide.</translation>
    </message>
    <message>
        <source>The database: a file, or postgresql://[user@]host[:port]/dbname on a PostgreSQL server.</source>
        <translation>La base de données&#xa0;: un fichier, ou postgresql://[utilisateur@]hôte[:port]/nom_de_base sur un serveur PostgreSQL.</translation>
    </message>
    <message>
        <source>On a PostgreSQL database the operator is the login: this connection is the login “%1”, which is %2, not %3. Connect as %3’s login to act as them.</source>
        <translation>Sur une base de données PostgreSQL, l’opérateur est l’identifiant de connexion&#xa0;: cette connexion est celle de l’identifiant «&#xa0;%1&#xa0;», qui est %2, et non %3. Connectez-vous avec l’identifiant de %3 pour agir en son nom.</translation>
    </message>
    <message>
        <source>On a PostgreSQL database the operator is the login: this connection is the login “%1”, which is tied to no Seatkeeper user, so --as %2 is refused.</source>
        <translation>Sur une base de données PostgreSQL, l’opérateur est l’identifiant de connexion&#xa0;: cette connexion est celle de l’identifiant «&#xa0;%1&#xa0;», qui n’est lié à aucun utilisateur de Seatkeeper&#xa0;; --as %2 est donc refusé.</translation>
    </message>
    <message>
        <source>First name (users add, users edit).</source>
        <translation>Prénom (users add, users edit).</translation>
    </message>
    <message>
        <source>Last name (users add, users edit).</source>
        <translation>Nom (users add, users edit).</translation>
    </message>
    <message>
        <source>Role (users add, users edit).</source>
        <translation>Rôle (users add, users edit).</translation>
    </message>
    <message>
        <source>Main team (users edit); an empty name for none.</source>
        <translation>Équipe principale (users edit)&#xa0;; un nom vide pour aucune.</translation>
    </message>
    <message>
        <source>An additional team to join (users edit).</source>
        <translation>Une équipe supplémentaire à rejoindre (users edit).</translation>
    </message>
    <message>
        <source>A team to leave (users edit).</source>
        <translation>Une équipe à quitter (users edit).</translation>
    </message>
    <message>
        <source>--first, --last and --role go with “users add” and “users edit”.</source>
        <translation>--first, --last et --role vont avec «&#xa0;users add&#xa0;» et «&#xa0;users edit&#xa0;».</translation>
    </message>
    <message>
        <source>--main-team, --add-team and --remove-team go with “users edit”.</source>
        <translation>--main-team, --add-team et --remove-team vont avec «&#xa0;users edit&#xa0;».</translation>
    </message>
    <message>
        <source>Write to FILE (export).</source>
        <translation>Écrire dans FICHIER (export).</translation>
    </message>
    <message>
        <source>For Excel: headers in the language of messages, a byte order mark (export).</source>
        <translation>Pour Excel&#x202f;: en-têtes dans la langue des messages, une marque d&apos;ordre des octets (export).</translation>
    </message>
    <message>
        <source>Show the preview; change nothing (import).</source>
        <translation>Afficher l&apos;aperçu&#x202f;; ne rien modifier (import).</translation>
    </message>
    <message>
        <source>--output, --for-excel and --dry-run go with export and import.</source>
        <translation>--output, --for-excel et --dry-run vont avec export et import.</translation>
    </message>
    <message>
        <source>An existing PostgreSQL login to tie to the user (users add, users edit).</source>
        <translation>Un identifiant de connexion PostgreSQL existant, à lier à l’utilisateur (users add, users edit).</translation>
    </message>
    <message>
        <source>Untie the user from their login (users edit).</source>
        <translation>Délier l’utilisateur de son identifiant de connexion (users edit).</translation>
    </message>
    <message>
        <source>--login goes with “users add” and “users edit”, --no-login with “users edit”.</source>
        <translation>--login va avec «&#xa0;users add&#xa0;» et «&#xa0;users edit&#xa0;», --no-login avec «&#xa0;users edit&#xa0;».</translation>
    </message>
    <message>
        <source>--login and --no-login cannot go together.</source>
        <translation>--login et --no-login ne peuvent pas aller ensemble.</translation>
    </message>
</context>
<context>
    <name>SeatsCommand</name>
    <message>
        <source>Usage: seats list | seats buy TYPE N | seats release TYPE N</source>
        <translation>Utilisation&#xa0;: seats list | seats buy TYPE N | seats release TYPE N</translation>
    </message>
    <message>
        <source>Unknown seat type “%1”.</source>
        <translation>Type de siège inconnu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>“%1” is not a number of seats.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nombre de sièges.</translation>
    </message>
    <message numerus="yes">
        <source>Bought %n %1 seat(s)</source>
        <translation>
            <numerusform>%n siège %1 acheté</numerusform>
            <numerusform>%n sièges %1 achetés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Released %n %1 seat(s)</source>
        <translation>
            <numerusform>%n siège %1 libéré</numerusform>
            <numerusform>%n sièges %1 libérés</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 purchased, %3 assigned.</source>
        <translation>%1&#xa0;: %2 achetés, %3 attribués.</translation>
    </message>
</context>
<context>
    <name>ServerWriter</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>You are signed in as %1, a User: you can see everything, but only a Super admin or an Admin can change users and seats.</source>
        <translation>Vous êtes connecté en tant que %1, Utilisateur&#xa0;: vous voyez tout, mais seul un Super administrateur ou un Administrateur peut modifier les utilisateurs et les sièges.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Users &amp; Teams</source>
        <translation>Utilisateurs et équipes</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Opérateur&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>This database does not match its own history: it was changed outside Seatkeeper, or is damaged. Check the seats before relying on them, or restore a backup. %n problem(s) found:</source>
        <translation>
            <numerusform>Cette base de données ne correspond pas à son propre historique&#xa0;: elle a été modifiée hors de Seatkeeper, ou elle est endommagée. Vérifiez les sièges avant de vous y fier, ou restaurez une sauvegarde. %n problème trouvé&#xa0;:</numerusform>
            <numerusform>Cette base de données ne correspond pas à son propre historique&#xa0;: elle a été modifiée hors de Seatkeeper, ou elle est endommagée. Vérifiez les sièges avant de vous y fier, ou restaurez une sauvegarde. %n problèmes trouvés&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Restaurer depuis une sauvegarde…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>Sauvegarde écrite&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Base de données</translation>
    </message>
    <message>
        <source>Writing a backup…</source>
        <translation>Écriture d’une sauvegarde…</translation>
    </message>
    <message>
        <source>Only a Super admin or an Admin can back up or restore.</source>
        <translation>Seul un Super administrateur ou un Administrateur peut sauvegarder ou restaurer.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurer depuis une sauvegarde</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>About Seatkeeper</source>
        <translation>À propos de Seatkeeper</translation>
    </message>
    <message>
        <source>Your changes to the seats are saved.</source>
        <translation>Vos modifications des sièges sont enregistrées.</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>The server of %1 cannot be reached. Seatkeeper keeps trying; your unsaved changes are kept.</source>
        <translation>Le serveur de %1 est injoignable. Seatkeeper continue d’essayer&#xa0;; vos modifications non enregistrées sont conservées.</translation>
    </message>
    <message>
        <source>Open database…</source>
        <translation>Ouvrir une base de données…</translation>
    </message>
    <message>
        <source>Seatkeeper databases (*.db)</source>
        <translation>Bases de données Seatkeeper (*.db)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Effacer la liste</translation>
    </message>
    <message>
        <source>Connect to server…</source>
        <translation>Se connecter à un serveur…</translation>
    </message>
    <message>
        <source>Recent databases</source>
        <translation>Bases de données récentes</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>The login “%1” is now tied to %2: you can make changes as them.</source>
        <translation>L’identifiant de connexion «&#xa0;%1&#xa0;» est désormais lié à %2&#xa0;: vous pouvez faire des modifications en son nom.</translation>
    </message>
    <message>
        <source>Operator: none (the login “%1” is tied to no Seatkeeper user)</source>
        <translation>Opérateur&#xa0;: aucun (l’identifiant de connexion «&#xa0;%1&#xa0;» n’est lié à aucun utilisateur de Seatkeeper)</translation>
    </message>
</context>
<context>
    <name>SqliteFiles</name>
    <message>
        <source>Could not move %1 to %2: %3</source>
        <translation>Impossible de déplacer %1 vers %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not read what %1 should hold.</source>
        <translation>Impossible de lire ce que %1 doit contenir.</translation>
    </message>
    <message>
        <source>The database %1 was moved, replaced or deleted while it was open. Open it again.</source>
        <translation>La base de données %1 a été déplacée, remplacée ou supprimée pendant qu’elle était ouverte. Ouvrez-la de nouveau.</translation>
    </message>
    <message>
        <source>Could not create %1: its new content was not written in full.</source>
        <translation>Impossible de créer %1&#xa0;: son nouveau contenu n’a pas été écrit en entier.</translation>
    </message>
    <message>
        <source>The file %1 already exists; a new database is never written over a file.</source>
        <translation>Le fichier %1 existe déjà&#xa0;; une nouvelle base de données n’écrase jamais un fichier.</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>Impossible de créer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The database %1 is being restored from a backup. Try again in a moment.</source>
        <translation>La base de données %1 est en cours de restauration depuis une sauvegarde. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Could not restore %1: %2 cannot be written (%3).</source>
        <translation>Impossible de restaurer %1&#xa0;: %2 ne peut pas être écrit (%3).</translation>
    </message>
    <message>
        <source>The database %1 is already being restored by another window or program. Try again when it is done.</source>
        <translation>La base de données %1 est déjà en cours de restauration par une autre fenêtre ou un autre programme. Réessayez quand ce sera terminé.</translation>
    </message>
    <message>
        <source>The backup %1 cannot be read: %2</source>
        <translation>La sauvegarde %1 ne peut pas être lue&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is not a file; nothing was restored.</source>
        <translation>%1 n’est pas un fichier&#xa0;; rien n’a été restauré.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>Le fichier %1 ne peut pas être lu&#xa0;: %2</translation>
    </message>
    <message>
        <source>Another program created %1 meanwhile; nothing was restored.</source>
        <translation>Un autre programme a créé %1 entre-temps&#xa0;; rien n’a été restauré.</translation>
    </message>
    <message>
        <source>Could not put the backup in place of %1: %2</source>
        <translation>Impossible de mettre la sauvegarde à la place de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>Le fichier %1 ne peut pas être écrit&#xa0;: %2</translation>
    </message>
    <message>
        <source>The database %1 is open in another window or program. Close it there, then restore.</source>
        <translation>La base de données %1 est ouverte dans une autre fenêtre ou un autre programme. Fermez-la là-bas, puis restaurez.</translation>
    </message>
    <message>
        <source>The backup copy %1 cannot be read: %2</source>
        <translation>La copie de la sauvegarde %1 ne peut pas être lue&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not write the backup into %1: %2. %3</source>
        <translation>Impossible d’écrire la sauvegarde dans %1&#xa0;: %2. %3</translation>
    </message>
    <message>
        <source>The database was left as it was.</source>
        <translation>La base de données est restée telle qu’elle était.</translation>
    </message>
    <message>
        <source>The file as it was is kept as %1.</source>
        <translation>Le fichier tel qu’il était est conservé sous le nom %1.</translation>
    </message>
    <message>
        <source>The backup %1 does not exist.</source>
        <translation>La sauvegarde %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The backup %1 is not a file (it is a folder, a device or a pipe); nothing was restored.</source>
        <translation>La sauvegarde %1 n’est pas un fichier (c’est un dossier, un périphérique ou un tube)&#xa0;; rien n’a été restauré.</translation>
    </message>
</context>
<context>
    <name>TeamDeleteDialog</name>
    <message>
        <source>Delete team</source>
        <translation>Supprimer l’équipe</translation>
    </message>
    <message numerus="yes">
        <source>Delete the team “%1”? It has %n member(s).</source>
        <translation>
            <numerusform>Supprimer l’équipe «&#xa0;%1&#xa0;»&#xa0;? Elle a %n membre.</numerusform>
            <numerusform>Supprimer l’équipe «&#xa0;%1&#xa0;»&#xa0;? Elle a %n membres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the team “%1”? It has no members.</source>
        <translation>Supprimer l’équipe «&#xa0;%1&#xa0;»&#xa0;? Elle n’a aucun membre.</translation>
    </message>
    <message>
        <source>Move them to</source>
        <translation>Les déplacer vers</translation>
    </message>
    <message>
        <source>Team to move them to</source>
        <translation>Équipe vers laquelle les déplacer</translation>
    </message>
    <message>
        <source>Leave them without this team</source>
        <translation>Les laisser sans cette équipe</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>TeamFilter</name>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Toutes les équipes</translation>
    </message>
</context>
<context>
    <name>TeamNameDialog</name>
    <message>
        <source>A team named “%1” already exists.</source>
        <translation>Une équipe nommée «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>Create team</source>
        <translation>Créer une équipe</translation>
    </message>
    <message>
        <source>Rename team</source>
        <translation>Renommer l’équipe</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>Nom de l’équipe</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>TeamsCommand</name>
    <message>
        <source>Usage: teams list | teams add NAME | teams rename NAME NEW | teams delete NAME</source>
        <translation>Utilisation&#xa0;: teams list | teams add NOM | teams rename NOM NOUVEAU | teams delete NOM</translation>
    </message>
    <message>
        <source>Created the team “%1”.</source>
        <translation>Équipe «&#xa0;%1&#xa0;» créée.</translation>
    </message>
    <message>
        <source>Renamed the team “%1” to “%2”.</source>
        <translation>Équipe «&#xa0;%1&#xa0;» renommée en «&#xa0;%2&#xa0;».</translation>
    </message>
    <message numerus="yes">
        <source>Deleted the team “%1”; %n member(s) left it.</source>
        <translation>
            <numerusform>Équipe «&#xa0;%1&#xa0;» supprimée&#xa0;; %n membre l’a quittée.</numerusform>
            <numerusform>Équipe «&#xa0;%1&#xa0;» supprimée&#xa0;; %n membres l’ont quittée.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamsModel</name>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
</context>
<context>
    <name>TeamsPage</name>
    <message>
        <source>Team “%1” created.</source>
        <translation>Équipe «&#xa0;%1&#xa0;» créée.</translation>
    </message>
    <message>
        <source>Team “%1” renamed to “%2”.</source>
        <translation>Équipe «&#xa0;%1&#xa0;» renommée en «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Team “%1” deleted.</source>
        <translation>Équipe «&#xa0;%1&#xa0;» supprimée.</translation>
    </message>
    <message>
        <source>Create team</source>
        <translation>Créer une équipe</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Équipes</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>UnassignCommand</name>
    <message>
        <source>Usage: unassign EMAIL PRODUCT</source>
        <translation>Utilisation&#xa0;: unassign EMAIL PRODUIT</translation>
    </message>
    <message>
        <source>Unknown product “%1”; expected sales or service.</source>
        <translation>Produit inconnu «&#xa0;%1&#xa0;»&#xa0;; attendu sales ou service.</translation>
    </message>
    <message>
        <source>Removed the %1 access of %2.</source>
        <translation>Accès %1 de %2 supprimé.</translation>
    </message>
</context>
<context>
    <name>UserCsv</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#x202f;: %2</translation>
    </message>
    <message>
        <source>The file is empty: its first line must name the columns, Email first.</source>
        <translation>Le fichier est vide&#x202f;: sa première ligne doit nommer les colonnes, Adresse e-mail en premier.</translation>
    </message>
    <message>
        <source>Line 1: the columns “%1” and “%2” are the same column.</source>
        <translation>Ligne 1&#x202f;: les colonnes «&#xa0;%1&#xa0;» et «&#xa0;%2&#xa0;» sont la même colonne.</translation>
    </message>
    <message>
        <source>Line 1: no Email column. The first line must name the columns: %1.</source>
        <translation>Ligne 1&#x202f;: aucune colonne Adresse e-mail. La première ligne doit nommer les colonnes&#x202f;: %1.</translation>
    </message>
    <message>
        <source>the line has %1 fields, but the header names %2 columns.</source>
        <translation>la ligne a %1 champs, mais l&apos;en-tête nomme %2 colonnes.</translation>
    </message>
    <message>
        <source>unknown role “%1”; expected Super admin, Admin or User.</source>
        <translation>rôle inconnu «&#xa0;%1&#xa0;»&#x202f;; attendu Super administrateur, Administrateur ou Utilisateur.</translation>
    </message>
    <message>
        <source>unknown seat “%1” in the %2 column.</source>
        <translation>siège inconnu «&#xa0;%1&#xa0;» dans la colonne %2.</translation>
    </message>
    <message>
        <source>%1 is not a %2 seat.</source>
        <translation>%1 n&apos;est pas un siège %2.</translation>
    </message>
    <message>
        <source>“%1” is already on line %2.</source>
        <translation>«&#xa0;%1&#xa0;» figure déjà à la ligne %2.</translation>
    </message>
    <message>
        <source>team “%1”: %2</source>
        <translation>équipe «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>UserPanel</name>
    <message>
        <source>A user with the email address “%1” already exists.</source>
        <translation>Un utilisateur avec l’adresse e-mail «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>Choose a tier, or switch the access off.</source>
        <translation>Choisissez une offre, ou désactivez l’accès.</translation>
    </message>
    <message>
        <source>%1 still holds a %2 seat. Remove their paid access first, then delete the user.</source>
        <translation>%1 détient encore un siège %2. Supprimez d’abord son accès payant, puis supprimez l’utilisateur.</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Supprimer l’utilisateur</translation>
    </message>
    <message>
        <source>Delete %1? Their history stays in the ledger.</source>
        <translation>Supprimer %1&#xa0;? Son historique reste dans le registre.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>Créer un utilisateur</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Remove paid access</source>
        <translation>Supprimer l’accès payant</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>You cannot delete yourself; ask another admin.</source>
        <translation>Vous ne pouvez pas vous supprimer vous-même&#xa0;; demandez à un autre administrateur.</translation>
    </message>
    <message>
        <source>%1 is on but no tier is chosen: choose one on the %2 tab, or switch the access off.</source>
        <translation>%1 est activé mais aucune offre n’est choisie&#xa0;: choisissez-en une dans l’onglet %2, ou désactivez l’accès.</translation>
    </message>
    <message>
        <source>User %1 created.</source>
        <translation>Utilisateur %1 créé.</translation>
    </message>
    <message>
        <source>Seats of %1 saved.</source>
        <translation>Sièges de %1 enregistrés.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 seats assigned now, %4 of %3 after.</source>
        <translation>%1&#xa0;: %2 sièges attribués sur %3 maintenant, %4 sur %3 ensuite.</translation>
    </message>
    <message>
        <source>Remove the paid access of %1?</source>
        <translation>Supprimer l’accès payant de %1&#xa0;?</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Changes to %1 saved.</source>
        <translation>Modifications de %1 enregistrées.</translation>
    </message>
    <message>
        <source>Only a Super admin can change the role of a Super admin.</source>
        <translation>Seul un Super administrateur peut changer le rôle d’un Super administrateur.</translation>
    </message>
    <message>
        <source>%1 is the only Super admin: their role cannot change. Make another user Super admin first.</source>
        <translation>%1 est le seul Super administrateur&#xa0;: son rôle ne peut pas changer. Nommez d’abord un autre utilisateur Super administrateur.</translation>
    </message>
    <message>
        <source>No team</source>
        <translation>Aucune équipe</translation>
    </message>
    <message>
        <source>This is the main team.</source>
        <translation>C’est l’équipe principale.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Main team</source>
        <translation>Équipe principale</translation>
    </message>
    <message>
        <source>Additional teams</source>
        <translation>Équipes supplémentaires</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) created.</source>
        <translation>
            <numerusform>%n utilisateur créé.</numerusform>
            <numerusform>%n utilisateurs créés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n utilisateur</numerusform>
            <numerusform>%n utilisateurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Database login</source>
        <translation>Connexion à la base</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Buying seats…</source>
        <translation>Achat de sièges…</translation>
    </message>
    <message>
        <source>Creating users…</source>
        <translation>Création des utilisateurs…</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>Création de %1…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>Suppression de %1…</translation>
    </message>
    <message>
        <source>Removing paid access…</source>
        <translation>Suppression de l’accès payant…</translation>
    </message>
</context>
<context>
    <name>UsersCommand</name>
    <message>
        <source>Unknown role “%1”; expected user, admin or super-admin.</source>
        <translation>Rôle inconnu «&#xa0;%1&#xa0;»&#xa0;; attendu user, admin ou super-admin.</translation>
    </message>
    <message>
        <source>Created %1 (%2).</source>
        <translation>%1 créé (%2).</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 supprimé.</translation>
    </message>
    <message>
        <source>--login needs the name of a PostgreSQL login; it was empty.</source>
        <translation>--login demande le nom d’un identifiant de connexion PostgreSQL&#xa0;; il était vide.</translation>
    </message>
    <message>
        <source>Created %1 (%2), tied to the login “%3”.</source>
        <translation>%1 (%2) créé, lié à l’identifiant de connexion «&#xa0;%3&#xa0;».</translation>
    </message>
    <message>
        <source>Usage: users list | users add EMAIL | users edit EMAIL [OPTIONS] | users delete EMAIL</source>
        <translation>Utilisation&#xa0;: users list | users add EMAIL | users edit EMAIL [OPTIONS] | users delete EMAIL</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <source>--no-login goes with “users edit”: a new user is tied to no login unless --login names one.</source>
        <translation>--no-login va avec «&#xa0;users edit&#xa0;»&#xa0;: un nouvel utilisateur n’est lié à aucun identifiant de connexion, sauf si --login en nomme un.</translation>
    </message>
    <message>
        <source>--login needs the name of a PostgreSQL login; it was empty. --no-login unties the user.</source>
        <translation>--login demande le nom d’un identifiant de connexion PostgreSQL&#xa0;; il était vide. --no-login délie l’utilisateur.</translation>
    </message>
    <message>
        <source>users edit needs something to change: --first, --last, --role, --main-team, --add-team, --remove-team, --login or --no-login.</source>
        <translation>users edit a besoin de quelque chose à changer&#xa0;: --first, --last, --role, --main-team, --add-team, --remove-team, --login ou --no-login.</translation>
    </message>
    <message>
        <source>Saved %1: no longer tied to the login “%2”.</source>
        <translation>%1 enregistré&#xa0;: n’est plus lié à l’identifiant de connexion «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Saved %1, tied to the login “%2”.</source>
        <translation>%1 enregistré, lié à l’identifiant de connexion «&#xa0;%2&#xa0;».</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Sales seat</source>
        <translation>Siège Sales</translation>
    </message>
    <message>
        <source>Service seat</source>
        <translation>Siège Service</translation>
    </message>
    <message>
        <source>Main team</source>
        <translation>Équipe principale</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users &amp; Teams</source>
        <translation>Utilisateurs et équipes</translation>
    </message>
    <message>
        <source>Search by name or email</source>
        <translation>Rechercher par nom ou e-mail</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Manage paid users</source>
        <translation>Gérer les utilisateurs payants</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>Créer un utilisateur</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Équipes</translation>
    </message>
    <message>
        <source>Users: %1</source>
        <translation>Utilisateurs&#xa0;: %1</translation>
    </message>
    <message>
        <source>Users: %1 of %2</source>
        <comment>shown of all</comment>
        <translation>Utilisateurs&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>All seats</source>
        <translation>Tous les sièges</translation>
    </message>
    <message>
        <source>No seat</source>
        <translation>Aucun siège</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Tous les rôles</translation>
    </message>
    <message>
        <source>Every word must match a name, an email address, a seat type or a role; accents and letter case do not count.</source>
        <translation>Chaque mot doit correspondre à un nom, une adresse e-mail, un type de siège ou un rôle&#xa0;; les accents et les majuscules ne comptent pas.</translation>
    </message>
    <message>
        <source>Seat type</source>
        <translation>Type de siège</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>No user matches the search and filters.</source>
        <translation>Aucun utilisateur ne correspond à la recherche et aux filtres.</translation>
    </message>
    <message>
        <source>Import users</source>
        <translation>Importer des utilisateurs</translation>
    </message>
    <message>
        <source>Export users</source>
        <translation>Exporter les utilisateurs</translation>
    </message>
    <message>
        <source>Assign a seat to the selected users</source>
        <translation>Attribuer un siège aux utilisateurs sélectionnés</translation>
    </message>
    <message>
        <source>Remove access of the selected users</source>
        <translation>Supprimer l&apos;accès des utilisateurs sélectionnés</translation>
    </message>
    <message>
        <source>Delete the selected users</source>
        <translation>Supprimer les utilisateurs sélectionnés</translation>
    </message>
    <message numerus="yes">
        <source>Assigned a %1 seat to %n user(s).</source>
        <translation>
            <numerusform>Siège %1 attribué à %n utilisateur.</numerusform>
            <numerusform>Siège %1 attribué à %n utilisateurs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 access from %n user(s).</source>
        <translation>
            <numerusform>Accès %1 supprimé pour %n utilisateur.</numerusform>
            <numerusform>Accès %1 supprimé pour %n utilisateurs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n user(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Supprimer %n utilisateur&#x202f;? Impossible d&apos;annuler.</numerusform>
            <numerusform>Supprimer %n utilisateurs&#x202f;? Impossible d&apos;annuler.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Supprimer l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n user(s).</source>
        <translation>
            <numerusform>%n utilisateur supprimé.</numerusform>
            <numerusform>%n utilisateurs supprimés.</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Fichiers CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n user(s).</source>
        <translation>
            <numerusform>%n utilisateur exporté.</numerusform>
            <numerusform>%n utilisateurs exportés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set main team…</source>
        <translation>Définir l’équipe principale…</translation>
    </message>
    <message>
        <source>Set main team</source>
        <translation>Définir l’équipe principale</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) now have no main team.</source>
        <translation>
            <numerusform>%n utilisateur n’a plus d’équipe principale.</numerusform>
            <numerusform>%n utilisateurs n’ont plus d’équipe principale.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” is now the main team of %n user(s).</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» est maintenant l’équipe principale de %n utilisateur.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» est maintenant l’équipe principale de %n utilisateurs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The email address is required.</source>
        <translation>L’adresse e-mail est obligatoire.</translation>
    </message>
    <message numerus="yes">
        <source>The email address is %n characters long; at most 254 are allowed.</source>
        <translation>
            <numerusform>L’adresse e-mail fait %n caractère, 254 au plus sont permis.</numerusform>
            <numerusform>L’adresse e-mail fait %n caractères, 254 au plus sont permis.</numerusform>
        </translation>
    </message>
    <message>
        <source>The email address contains a space.</source>
        <translation>L’adresse e-mail contient une espace.</translation>
    </message>
    <message>
        <source>The email address “%1” has no @.</source>
        <translation>L’adresse e-mail «&#xa0;%1&#xa0;» n’a pas de @.</translation>
    </message>
    <message>
        <source>The email address “%1” has more than one @.</source>
        <translation>L’adresse e-mail «&#xa0;%1&#xa0;» a plus d’un @.</translation>
    </message>
    <message>
        <source>The email address “%1” has nothing before the @.</source>
        <translation>L’adresse e-mail «&#xa0;%1&#xa0;» n’a rien avant le @.</translation>
    </message>
    <message numerus="yes">
        <source>The part before the @ is %n characters long; at most 64 are allowed.</source>
        <translation>
            <numerusform>La partie avant le @ fait %n caractère, 64 au plus sont permis.</numerusform>
            <numerusform>La partie avant le @ fait %n caractères, 64 au plus sont permis.</numerusform>
        </translation>
    </message>
    <message>
        <source>The part before the @ in “%1” has a misplaced dot.</source>
        <translation>La partie avant le @ de «&#xa0;%1&#xa0;» a un point mal placé.</translation>
    </message>
    <message>
        <source>The email address “%1” has no domain after the @.</source>
        <translation>L’adresse e-mail «&#xa0;%1&#xa0;» n’a pas de domaine après le @.</translation>
    </message>
    <message>
        <source>The domain “%1” is not a valid domain name.</source>
        <translation>Le domaine «&#xa0;%1&#xa0;» n’est pas un nom de domaine valide.</translation>
    </message>
    <message>
        <source>the control character %1</source>
        <translation>le caractère de contrôle %1</translation>
    </message>
    <message>
        <source>the text-direction character %1</source>
        <translation>le caractère de sens d’écriture %1</translation>
    </message>
    <message>
        <source>the line-breaking character %1</source>
        <translation>le caractère de saut de ligne %1</translation>
    </message>
    <message>
        <source>The email address contains %1 at character %2.</source>
        <translation>L’adresse e-mail contient %1 en position %2.</translation>
    </message>
    <message>
        <source>The email address “%1” has no @: “%2” (%3) looks like one but is another character.</source>
        <translation>L’adresse e-mail «&#xa0;%1&#xa0;» n’a pas de @&#xa0;: «&#xa0;%2&#xa0;» (%3) lui ressemble, mais c’est un autre caractère.</translation>
    </message>
    <message>
        <source>The email address “%1” contains the character “%2” (%3), which is not allowed before the @.</source>
        <translation>L’adresse e-mail «&#xa0;%1&#xa0;» contient le caractère «&#xa0;%2&#xa0;» (%3), interdit avant le @.</translation>
    </message>
    <message numerus="yes">
        <source>The first name is %n characters long; at most 256 are allowed.</source>
        <translation>
            <numerusform>Le prénom fait %n caractère, 256 au plus sont permis.</numerusform>
            <numerusform>Le prénom fait %n caractères, 256 au plus sont permis.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last name is %n characters long; at most 256 are allowed.</source>
        <translation>
            <numerusform>Le nom fait %n caractère, 256 au plus sont permis.</numerusform>
            <numerusform>Le nom fait %n caractères, 256 au plus sont permis.</numerusform>
        </translation>
    </message>
    <message>
        <source>The first name contains %1 at character %2.</source>
        <translation>Le prénom contient %1 en position %2.</translation>
    </message>
    <message>
        <source>The last name contains %1 at character %2.</source>
        <translation>Le nom contient %1 en position %2.</translation>
    </message>
    <message>
        <source>The team name is required.</source>
        <translation>Le nom de l’équipe est obligatoire.</translation>
    </message>
    <message numerus="yes">
        <source>The team name is %n characters long; at most 256 are allowed.</source>
        <translation>
            <numerusform>Le nom de l’équipe fait %n caractère&#xa0;; 256 au plus sont permis.</numerusform>
            <numerusform>Le nom de l’équipe fait %n caractères&#xa0;; 256 au plus sont permis.</numerusform>
        </translation>
    </message>
    <message>
        <source>The team name contains %1 at character %2.</source>
        <translation>Le nom de l’équipe contient %1 au caractère %2.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Seatkeeper</source>
        <translation>Bienvenue dans Seatkeeper</translation>
    </message>
    <message>
        <source>A new seat database will be created at %1. Type your email address: you become its Super admin.</source>
        <translation>Une nouvelle base de sièges sera créée dans %1. Saisissez votre adresse e-mail&#xa0;: vous en deviendrez le Super administrateur.</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <source>Start with a sample account (a few users and purchased seats)</source>
        <translation>Commencer avec un compte d’exemple (quelques utilisateurs et sièges achetés)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Seatkeeper</source>
        <translation>Seatkeeper</translation>
    </message>
    <message>
        <source>Manage paid seats of Sales Hub and Service Hub.</source>
        <translation>Gérer les sièges payants de Sales Hub et Service Hub.</translation>
    </message>
    <message>
        <source>The database file (default: %1).</source>
        <translation>Le fichier de base de données (par défaut&#xa0;: %1).</translation>
    </message>
    <message>
        <source>The operator for this run (an existing user).</source>
        <translation>L’opérateur pour cette session (un utilisateur existant).</translation>
    </message>
    <message>
        <source>Language of the window: en or fr.</source>
        <translation>Langue de la fenêtre&#xa0;: en ou fr.</translation>
    </message>
    <message>
        <source>Unknown language “%1”; expected en or fr.</source>
        <translation>Langue inconnue «&#xa0;%1&#xa0;»&#xa0;; attendu en ou fr.</translation>
    </message>
</context>
</TS>
