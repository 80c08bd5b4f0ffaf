<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="it_IT">
<context>
    <name></name>
    <message>
        <location filename="../../facilitator_app/ui/welcome.py" line="37"/>
        <source>Benvenuti in {app}</source>
        <translation>Welcome to {app}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/welcome.py" line="44"/>
        <source>Schede strategiche, cronometro delle due sessioni, presenze e post-it: tutto resta su questo computer, salvato in ogni momento.</source>
        <translation>Strategy cards, a timer for the two sessions, head counts and post-its: everything stays on this computer, saved at every moment.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/welcome.py" line="55"/>
        <source>Apri l&apos;evento dimostrativo (Forum del 10 novembre 2023)  ·  Ctrl+D</source>
        <translation>Open the demo event (Forum of 10 November 2023)  ·  Ctrl+D</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/welcome.py" line="56"/>
        <source>Nuovo evento da un modello…  ·  Ctrl+N</source>
        <translation>New event from a template…  ·  Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/welcome.py" line="57"/>
        <source>Apri un file evento…  ·  Ctrl+O</source>
        <translation>Open an event file…  ·  Ctrl+O</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/welcome.py" line="64"/>
        <source>Riapri {name}</source>
        <translation>Reopen {name}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="117"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="118"/>
        <source>&amp;Nuovo evento…</source>
        <translation>&amp;New event…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="119"/>
        <source>&amp;Apri evento…</source>
        <translation>&amp;Open event…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="120"/>
        <source>File &amp;recenti</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="121"/>
        <source>Apri l&apos;evento &amp;dimostrativo</source>
        <translation>Open the &amp;demo event</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="124"/>
        <source>Esporta cartella di lavoro &amp;Excel…</source>
        <translation>Export &amp;Excel workbook…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="125"/>
        <source>Esporta restituzione &amp;PDF…</source>
        <translation>Export report &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="126"/>
        <source>&amp;Kit cartaceo PDF…</source>
        <translation>Paper &amp;kit PDF…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="127"/>
        <source>Esporta proposte per Decidim (&amp;CSV)…</source>
        <translation>Export proposals for Decidim (&amp;CSV)…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="128"/>
        <source>Esporta dat&amp;i aperti (cartella)…</source>
        <translation>Export open data (fo&amp;lder)…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="131"/>
        <source>&amp;Unisci file dei tavoli…</source>
        <translation>&amp;Merge the tables&apos; files…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="132"/>
        <source>&amp;Testi della restituzione…</source>
        <translation>Report &amp;texts…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="133"/>
        <source>&amp;Invia al coordinamento…</source>
        <translation>&amp;Send to the coordinators…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="135"/>
        <source>&amp;Esci</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="137"/>
        <source>&amp;Modifica</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="138"/>
        <location filename="../../facilitator_app/ui/window_menus.py" line="199"/>
        <source>&amp;Annulla</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="140"/>
        <location filename="../../facilitator_app/ui/window_menus.py" line="202"/>
        <source>&amp;Ripeti</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="143"/>
        <source>&amp;Post-it</source>
        <translation>&amp;Post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="145"/>
        <source>Apri ai &amp;telefoni…</source>
        <translation>Open to &amp;phones…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="147"/>
        <source>&amp;Cronometro</source>
        <translation>&amp;Timer</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="148"/>
        <source>&amp;Schede</source>
        <translation>&amp;Cards</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="150"/>
        <source>&amp;Visualizza</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="154"/>
        <source>Post-it</source>
        <translation>Post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="154"/>
        <source>Cronometro</source>
        <translation>Timer</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="154"/>
        <source>Schede</source>
        <translation>Cards</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="154"/>
        <source>Presenze</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="158"/>
        <source>Vai al navigatore</source>
        <translation>Go to the navigator</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="159"/>
        <source>Sessione successiva</source>
        <translation>Next session</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="160"/>
        <source>Sessione precedente</source>
        <translation>Previous session</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="162"/>
        <source>Ingrandisci il testo</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="163"/>
        <source>Riduci il testo</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="164"/>
        <source>Testo normale</source>
        <translation>Normal text</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="167"/>
        <source>&amp;Presenta in plenaria</source>
        <translation>&amp;Present in plenary</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="169"/>
        <source>&amp;Lingua</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="199"/>
        <source>&amp;Annulla: {step}</source>
        <translation>&amp;Undo: {step}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/window_menus.py" line="202"/>
        <source>&amp;Ripeti: {step}</source>
        <translation>&amp;Redo: {step}</translation>
    </message>
</context>
<context>
    <name>AffinityEdits</name>
    <message>
        <location filename="../../facilitator_app/ui/board/affinity_edits.py" line="86"/>
        <source>Senza tema</source>
        <translation>No theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/affinity_edits.py" line="87"/>
        <location filename="../../facilitator_app/ui/board/affinity_edits.py" line="101"/>
        <source>Sposta in «{title}»</source>
        <translation>Move to “{title}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/affinity_edits.py" line="121"/>
        <source>La proposta non ha post-it senza tema</source>
        <translation>The proposal has no post-its without a theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/affinity_edits.py" line="128"/>
        <source>Il titolo non può essere vuoto.</source>
        <translation>The title cannot be empty.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/affinity_edits.py" line="131"/>
        <source>Rinomina proposta</source>
        <translation>Rename proposal</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/affinity_edits.py" line="135"/>
        <source>Dividi proposta</source>
        <translation>Split proposal</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/affinity_edits.py" line="139"/>
        <source>Unisci proposte</source>
        <translation>Merge proposals</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/affinity_edits.py" line="143"/>
        <source>Ignora proposta</source>
        <translation>Ignore proposal</translation>
    </message>
</context>
<context>
    <name>AffinityView</name>
    <message>
        <location filename="../../facilitator_app/ui/board/affinity.py" line="59"/>
        <source>Post-it per tema</source>
        <translation>Post-its by theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/affinity.py" line="102"/>
        <source>Senza tema</source>
        <translation>No theme</translation>
    </message>
</context>
<context>
    <name>AudienceWindow</name>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="98"/>
        <source>Presentazione</source>
        <translation>Presentation</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="99"/>
        <source>Diapositiva per il pubblico</source>
        <translation>Slide for the audience</translation>
    </message>
</context>
<context>
    <name>BoardBase</name>
    <message>
        <location filename="../../facilitator_app/ui/board/base.py" line="69"/>
        <source>Salvato</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/base.py" line="96"/>
        <source>le zone vanno da #z{first} a #z{last}</source>
        <translation>zones go from #z{first} to #z{last}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/base.py" line="98"/>
        <source>gli assi vanno da #a{first} a #a{last}</source>
        <translation>axes go from #a{first} to #a{last}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/base.py" line="100"/>
        <source>l&apos;evento non ha questa scheda; dello stesso asse ha {cards}</source>
        <translation>the event has no such card; of the same axis it has {cards}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/base.py" line="104"/>
        <source>le schede dell&apos;evento vanno da @{first} a @{last}</source>
        <translation>the event&apos;s cards go from @{first} to @{last}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/base.py" line="108"/>
        <source>questo evento non ha schede</source>
        <translation>this event has no cards</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/base.py" line="109"/>
        <source>⚠ Tag non valido: {token} — {why}. Correggi e premi Invio.</source>
        <translation>⚠ Invalid tag: {token} — {why}. Correct it and press Enter.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/base.py" line="147"/>
        <source>{n} post-it</source>
        <translation>{n} post-it</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/base.py" line="149"/>
        <source>{shown} di {n} post-it</source>
        <translation>{shown} of {n} post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/base.py" line="185"/>
        <source>Tutti i post-it</source>
        <translation>All post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/base.py" line="187"/>
        <source>Senza tema</source>
        <translation>No theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/base.py" line="197"/>
        <source>{n} post-it · Alt+{k} per assegnare</source>
        <translation>{n} post-its · Alt+{k} to assign</translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="88"/>
        <source>Nuovo post-it</source>
        <translation>New post-it</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="90"/>
        <source>Scrivi un post-it e premi Invio · #P tipo · @2.1 scheda · #z5 zona · #a3 asse</source>
        <translation>Write a post-it and press Enter · #P kind · @2.1 card · #z5 zone · #a3 axis</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="116"/>
        <location filename="../../facilitator_app/ui/board/board.py" line="281"/>
        <source>Tipo: {kind}</source>
        <translation>Kind: {kind}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="127"/>
        <source>Collega all&apos;asse {n} (tasto {n})</source>
        <translation>Link to axis {n} (key {n})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="126"/>
        <source>Collega all&apos;asse {n}</source>
        <translation>Link to axis {n}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="97"/>
        <source>Post-it non salvato</source>
        <translation>Post-it not saved</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="132"/>
        <source>@scheda + Invio</source>
        <translation>@card + Enter</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="133"/>
        <source>Scheda da collegare ai post-it scelti</source>
        <translation>Card to link to the chosen post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="138"/>
        <source>Zona citata</source>
        <translation>Zone mentioned</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="139"/>
        <source>Zona citata…</source>
        <translation>Zone mentioned…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="152"/>
        <source>Nuovo tema + Invio</source>
        <translation>New theme + Enter</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="153"/>
        <source>Titolo del nuovo tema</source>
        <translation>Title of the new theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="156"/>
        <source>Temi</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="160"/>
        <source>Temi (trascina qui i post-it)</source>
        <translation>Themes (drag post-its here)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="170"/>
        <source>Cerca e filtra i post-it</source>
        <translation>Search and filter post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="171"/>
        <source>Cerca: parole, #P, @2.1, #z5, #a3</source>
        <translation>Search: words, #P, @2.1, #z5, #a3</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="186"/>
        <source>Post-it della sessione</source>
        <translation>The session&apos;s post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="212"/>
        <source>Sintesi della sessione per la plenaria</source>
        <translation>Session synthesis for the plenary</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="215"/>
        <source>Sintesi della sessione</source>
        <translation>Session synthesis</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="259"/>
        <source>Scrivi un nuovo post-it</source>
        <translation>Write a new post-it</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="260"/>
        <source>Vai ai post-it</source>
        <translation>Go to the post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="261"/>
        <source>Cerca e filtra</source>
        <translation>Search and filter</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="262"/>
        <source>Nuovo tema</source>
        <translation>New theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="263"/>
        <source>Scrivi la sintesi</source>
        <translation>Write the synthesis</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="265"/>
        <source>Sintesi del tema selezionato…</source>
        <translation>Synthesis of the selected theme…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="270"/>
        <source>Vista per temi</source>
        <translation>View by theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="276"/>
        <source>Mostra i post-it in colonne, una per tema (Ctrl+B: torna alla griglia)</source>
        <translation>Show the post-its in columns, one per theme (Ctrl+B: back to the grid)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="289"/>
        <source>Vota</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="290"/>
        <source>Togli un voto</source>
        <translation>Remove a vote</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="291"/>
        <source>Modifica il testo</source>
        <translation>Edit the text</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="292"/>
        <source>Elimina</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="293"/>
        <source>Togli dal tema</source>
        <translation>Remove from theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="307"/>
        <source>{table} · Sessione {n}: {q}</source>
        <translation>{table} · Session {n}: {q}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="420"/>
        <source>Sintesi salvata</source>
        <translation>Synthesis saved</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="438"/>
        <source>Sintesi</source>
        <translation>Synthesis</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/board.py" line="267"/>
        <source>Suggerisci temi</source>
        <translation>Suggest themes</translation>
    </message>
</context>
<context>
    <name>CardDeckPanel</name>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="53"/>
        <source>Fonte: {source}</source>
        <translation>Source: {source}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="137"/>
        <source>Asse</source>
        <translation>Axis</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="138"/>
        <source>Tutti gli assi</source>
        <translation>All axes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="145"/>
        <source>Cerca schede</source>
        <translation>Search cards</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="146"/>
        <source>Cerca per codice, titolo o descrizione</source>
        <translation>Search by code, title or description</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="153"/>
        <source>Mazzo delle schede</source>
        <translation>Card deck</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="162"/>
        <source>Schede in gioco al tavolo</source>
        <translation>Cards in play at the table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="164"/>
        <source>Schede in gioco</source>
        <translation>Cards in play</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="166"/>
        <source>Posto</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="166"/>
        <source>Codice</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="166"/>
        <source>Titolo</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="166"/>
        <source>Voti</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="176"/>
        <source>Metti in gioco</source>
        <translation>Put in play</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="179"/>
        <source>Vota</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="180"/>
        <source>Togli voto</source>
        <translation>Remove vote</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="181"/>
        <source>Su</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="182"/>
        <source>Giù</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="183"/>
        <source>Ordina per voti</source>
        <translation>Rank by votes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="184"/>
        <source>Togli dal gioco</source>
        <translation>Take out of play</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="251"/>
        <source>{table} · Sessione {n}: quali strategie contano di più?</source>
        <translation>{table} · Session {n}: which strategies matter most?</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="299"/>
        <source>Scheda in gioco</source>
        <translation>Card in play</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="308"/>
        <source>Voto</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="316"/>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="325"/>
        <source>Ordinate</source>
        <translation>Ranked</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/deck.py" line="336"/>
        <source>Tolta</source>
        <translation>Removed</translation>
    </message>
</context>
<context>
    <name>CardSetActions</name>
    <message>
        <location filename="../../facilitator_app/ui/cards/card_set.py" line="54"/>
        <source>&amp;Importa un insieme di schede…</source>
        <translation>&amp;Import a set of cards…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/card_set.py" line="62"/>
        <source>Usa l&apos;edizione {edition} ({title})</source>
        <translation>Use the {edition} edition ({title})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/card_set.py" line="84"/>
        <source>Importa un insieme di schede (edizione {edition})</source>
        <translation>Import a set of cards ({edition} edition)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/card_set.py" line="86"/>
        <source>Schede (*.xlsx *.csv)</source>
        <translation>Cards (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/card_set.py" line="93"/>
        <source>Schede non importate</source>
        <translation>Cards not imported</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/card_set.py" line="98"/>
        <source>Importate {n} schede {edition}: {detail}</source>
        <translation>Imported {n} {edition} cards: {detail}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/card_set.py" line="106"/>
        <source>Edizione non cambiata</source>
        <translation>Edition not changed</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/card_set.py" line="112"/>
        <source>Schede dell&apos;edizione {edition} ({n}): {detail}</source>
        <translation>Cards of the {edition} edition ({n}): {detail}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/card_set.py" line="116"/>
        <source>{a} assi, {s} strategie, {z} azioni</source>
        <translation>{a} axes, {s} strategies, {z} actions</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/card_set.py" line="128"/>
        <source>… e altri {n} problemi</source>
        <translation>… and {n} more problems</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/cards/card_set.py" line="131"/>
        <source>Il file dell&apos;evento non è stato cambiato.</source>
        <translation>The event file has not been changed.</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="69"/>
        <source>Conflitti del file unito, un campo per riga</source>
        <extracomment>Lets the window that holds a file (the main window) let go of it while ``keep`` writes it.</extracomment>
        <translation>Conflicts of the merged file, one field per row</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="72"/>
        <source>Dato</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="73"/>
        <source>Campo</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="74"/>
        <source>Versione A</source>
        <translation>Version A</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="75"/>
        <source>Versione B</source>
        <translation>Version B</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="76"/>
        <source>Mostrata</source>
        <translation>Shown</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="91"/>
        <source>T&amp;ieni la versione A</source>
        <translation>&amp;Keep version A</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="93"/>
        <source>Tieni la versione A del conflitto scelto</source>
        <translation>Keep version A of the selected conflict</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="97"/>
        <source>Tieni la versione &amp;B</source>
        <translation>Keep version &amp;B</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="99"/>
        <source>Tieni la versione B del conflitto scelto</source>
        <translation>Keep version B of the selected conflict</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="144"/>
        <source>C&amp;onflitti da decidere: {n}</source>
        <translation>Co&amp;nflicts to settle: {n}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="146"/>
        <source>C&amp;onflitti da decidere: nessuno</source>
        <translation>Co&amp;nflicts to settle: none</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="153"/>
        <source>Post-it</source>
        <translation>Post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="154"/>
        <source>Tema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="155"/>
        <source>Evento</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="156"/>
        <source>Sede</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="157"/>
        <source>Tavolo</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="158"/>
        <source>Sessione</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="159"/>
        <source>Voce del programma</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="160"/>
        <source>Scheda in gioco</source>
        <translation>Card in play</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="161"/>
        <source>Conteggio dei partecipanti</source>
        <translation>Participant count</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="168"/>
        <source>testo</source>
        <translation>text</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="169"/>
        <source>tipo</source>
        <translation>kind</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="170"/>
        <source>eliminato</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="171"/>
        <source>tema</source>
        <translation>theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="172"/>
        <source>voti</source>
        <translation>votes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="173"/>
        <source>schede</source>
        <translation>cards</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="174"/>
        <source>zone</source>
        <translation>zones</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="175"/>
        <source>assi collegati</source>
        <translation>linked axes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="176"/>
        <source>titolo</source>
        <translation>title</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="177"/>
        <source>nome</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="178"/>
        <source>sintesi</source>
        <translation>synthesis</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="179"/>
        <source>presenti</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="180"/>
        <source>presenti per zona</source>
        <translation>present by zone</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="181"/>
        <source>presenti per categoria</source>
        <translation>present by category</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="182"/>
        <source>ascolto online</source>
        <translation>online listeners</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="183"/>
        <source>in presenza</source>
        <translation>in presence</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="184"/>
        <source>facilitatore</source>
        <translation>facilitator</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="185"/>
        <source>posto</source>
        <translation>place</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/conflicts.py" line="186"/>
        <source>posizione</source>
        <translation>position</translation>
    </message>
</context>
<context>
    <name>CoordinatorView</name>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="121"/>
        <source>Unisci i file dei tavoli — {app}</source>
        <translation>Merge the tables&apos; files — {app}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="123"/>
        <source>Unione dei file dei tavoli</source>
        <translation>Merging the tables&apos; files</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="143"/>
        <source>Prima della giornata:</source>
        <translation>Before the day:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="145"/>
        <source>Prepara i &amp;file per sedi / tavoli…</source>
        <translation>Prepare &amp;files for venues / tables…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="146"/>
        <source>Prepara i file per sedi o tavoli dal file evento del coordinamento</source>
        <translation>Prepare files for venues or tables from the coordination event file</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="154"/>
        <source>File &amp;unito:</source>
        <translation>&amp;Merged file:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="158"/>
        <source>scegli il file evento unito (esistente o nuovo)</source>
        <translation>choose the merged event file (existing or new)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="160"/>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="281"/>
        <source>File evento unito</source>
        <translation>Merged event file</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="163"/>
        <source>&amp;Scegli o crea…</source>
        <translation>&amp;Choose or create…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="163"/>
        <source>Scegli o crea il file unito</source>
        <translation>Choose or create the merged file</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="172"/>
        <source>Trascina qui i file dei tavoli e delle sedi: cartelle di lavoro esportate (.xlsx) o file evento (.sqlite).</source>
        <translation>Drop the tables&apos; and venues&apos; files here: exported workbooks (.xlsx) or event files (.sqlite).</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="180"/>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="295"/>
        <source>File da unire</source>
        <translation>Files to merge</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="187"/>
        <source>Togli dall&apos;elenco</source>
        <translation>Remove from the list</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="196"/>
        <source>&amp;Aggiungi file…</source>
        <translation>&amp;Add files…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="196"/>
        <source>Aggiungi file da unire</source>
        <translation>Add files to merge</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="199"/>
        <source>&amp;Togli</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="199"/>
        <source>Togli i file scelti dall&apos;elenco</source>
        <translation>Remove the selected files from the list</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="202"/>
        <source>U&amp;nisci</source>
        <translation>Mer&amp;ge</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="202"/>
        <source>Unisci i file nel file unito</source>
        <translation>Merge the files into the merged file</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="216"/>
        <source>Esito dell&apos;unione, un file per riga</source>
        <translation>Merge outcome, one file per row</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="219"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="220"/>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="221"/>
        <source>Nuovi</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="222"/>
        <source>Aggiornati</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="223"/>
        <source>Conflitti</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="224"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="239"/>
        <source>Riepilogo dell&apos;unione</source>
        <translation>Merge summary</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="244"/>
        <source>Esporta cartella &amp;Excel…</source>
        <translation>Export &amp;Excel workbook…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="245"/>
        <source>Esporta la cartella di lavoro Excel del file unito</source>
        <translation>Export the Excel workbook of the merged file</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="249"/>
        <source>Esporta &amp;restituzione PDF…</source>
        <translation>Export &amp;report PDF…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="250"/>
        <source>Esporta la restituzione PDF del file unito</source>
        <translation>Export the report PDF of the merged file</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="254"/>
        <source>Apri nella finestra &amp;principale</source>
        <translation>Open in the &amp;main window</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="255"/>
        <source>Apri il file unito nella finestra principale</source>
        <translation>Open the merged file in the main window</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="258"/>
        <source>&amp;Chiudi</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="258"/>
        <source>Chiudi l&apos;unione</source>
        <translation>Close the merge</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="283"/>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="358"/>
        <source>Eventi (*.sqlite)</source>
        <translation>Events (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="297"/>
        <source>File dei tavoli (*.xlsx *.sqlite);;Tutti i file (*)</source>
        <translation>Tables&apos; files (*.xlsx *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="312"/>
        <source>Esiste: i file vi saranno aggiunti</source>
        <translation>Exists: the files will be added to it</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="314"/>
        <source>Nuovo: sarà creato dalla prima unione</source>
        <translation>New: the first merge will create it</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="356"/>
        <source>File evento del coordinamento</source>
        <translation>Coordination event file</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="411"/>
        <source>Unione dei file</source>
        <translation>Merging files</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="419"/>
        <source>Unione interrotta: i file già uniti restano nel file unito, gli altri no.</source>
        <translation>Merge stopped: the files already merged stay in the merged file, the others do not.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="423"/>
        <source>Il file unito {name} è aperto per la scrittura in un&apos;altra finestra (forse quella principale). Chiudilo lì, oppure scegli un altro file unito, e riprova.

{why}</source>
        <translation>The merged file {name} is open for writing in another window (perhaps the main one). Close it there, or choose another merged file, and try again.

{why}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="428"/>
        <source>Unione non riuscita:
{why}</source>
        <translation>The merge failed:
{why}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="438"/>
        <source>importato</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="439"/>
        <source>già importato</source>
        <translation>already imported</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="440"/>
        <source>aggiornato</source>
        <translation>updated</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="441"/>
        <source>conflitti</source>
        <translation>conflicts</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="442"/>
        <source>rifiutato</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="443"/>
        <source>nessuna novità</source>
        <translation>nothing new</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="448"/>
        <source>Rifiutato: {problem}</source>
        <translation>Refused: {problem}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="449"/>
        <source>Conflitto: {what}</source>
        <translation>Conflict: {what}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="451"/>
        <source>Tutto ciò che questo file contiene era già nel file unito.</source>
        <translation>Everything this file holds was already in the merged file.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="454"/>
        <source>… e altri {n}</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="487"/>
        <source>Uniti {n} file su {total} in {target}.</source>
        <translation>Merged {n} of {total} files into {target}.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/view.py" line="492"/>
        <source>{n} rifiutati: il motivo è nella riga (tutti i dettagli nel suggerimento).</source>
        <translation>{n} refused: the reason is in the row (all the details in its tooltip).</translation>
    </message>
</context>
<context>
    <name>CountdownDisplay</name>
    <message>
        <location filename="../../facilitator_app/ui/timer/countdown.py" line="148"/>
        <location filename="../../facilitator_app/ui/timer/countdown.py" line="155"/>
        <source>Tempo rimanente</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/countdown.py" line="153"/>
        <source>Stato della sessione</source>
        <translation>Session state</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/countdown.py" line="194"/>
        <source>Non iniziata</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/countdown.py" line="195"/>
        <source>In corso</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/countdown.py" line="196"/>
        <source>In pausa</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/countdown.py" line="197"/>
        <source>Terminata</source>
        <translation>Finished</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="58"/>
        <source>Meno uno: {what}</source>
        <translation>Minus one: {what}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="72"/>
        <source>Più uno: {what}</source>
        <translation>Plus one: {what}</translation>
    </message>
</context>
<context>
    <name>CountsPanel</name>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="151"/>
        <source>Avvisi sui conteggi</source>
        <translation>Count warnings</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="161"/>
        <source>Presenti al tavolo</source>
        <translation>People at the table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="163"/>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="164"/>
        <source>Presenti</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="169"/>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="223"/>
        <source>Sede</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="172"/>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="175"/>
        <source>Ascoltatori online di questa sede</source>
        <translation>Online listeners of this venue</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="179"/>
        <source>Evento (tutte le sedi)</source>
        <translation>Event (all venues)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="182"/>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="185"/>
        <source>Persone in presenza, totale dell&apos;evento</source>
        <translation>People in presence, event total</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="189"/>
        <source>Per categoria</source>
        <translation>By category</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="202"/>
        <source>Per zona omogenea di provenienza</source>
        <translation>By home zone</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="223"/>
        <source>Sede: {venue}</source>
        <translation>Venue: {venue}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="228"/>
        <source>{table} · Sessione {n}</source>
        <translation>{table} · Session {n}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="245"/>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="260"/>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="293"/>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="298"/>
        <source>Conteggio salvato</source>
        <translation>Count saved</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/counts/panel.py" line="254"/>
        <source>Conteggio</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../facilitator_app/domain/errors.py" line="101"/>
        <source>foglio «{sheet}»</source>
        <translation>sheet “{sheet}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/errors.py" line="102"/>
        <source>riga {row}</source>
        <translation>row {row}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/errors.py" line="103"/>
        <source>colonna «{column}»</source>
        <translation>column “{column}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/errors.py" line="104"/>
        <source>file rifiutato</source>
        <translation>file refused</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/errors.py" line="105"/>
        <source> (e altri {count} problemi)</source>
        <translation> (and {count} more problems)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/errors.py" line="106"/>
        <source>{where}: {count} righe ({rows})</source>
        <translation>{where}: {count} rows ({rows})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/board.py" line="104"/>
        <location filename="../../facilitator_app/services/room/intake.py" line="48"/>
        <source>tavolo {table} inesistente</source>
        <translation>table {table} does not exist</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/board.py" line="120"/>
        <location filename="../../facilitator_app/services/room/intake.py" line="177"/>
        <source>contributo {post} inesistente</source>
        <translation>post-it {post} does not exist</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/board.py" line="128"/>
        <source>tema {theme} inesistente</source>
        <translation>theme {theme} does not exist</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/board.py" line="228"/>
        <source>campi non modificabili: {fields}</source>
        <translation>fields that cannot be changed: {fields}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/board.py" line="472"/>
        <location filename="../../facilitator_app/services/capture/timer.py" line="55"/>
        <source>sessione {number} del tavolo {table} inesistente</source>
        <translation>session {number} of table {table} does not exist</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/board.py" line="485"/>
        <source>sintesi troppo lunga (massimo 20000 caratteri)</source>
        <translation>summary too long (at most 20000 characters)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/timer.py" line="78"/>
        <source>sessione {session} inesistente</source>
        <translation>session {session} does not exist</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/timer.py" line="166"/>
        <source>voce {item} inesistente</source>
        <translation>agenda item {item} does not exist</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/files.py" line="105"/>
        <source>Impossibile scrivere {target}: è il file evento {event} (o un suo file di servizio). Scegliere un altro nome: nulla è stato scritto.</source>
        <translation>Cannot write {target}: it is the event file {event} (or one of its service files). Choose another name: nothing was written.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/files.py" line="117"/>
        <source>Impossibile scrivere {target}: è un file di servizio del file evento {event}. Scegliere un altro nome: nulla è stato scritto.</source>
        <translation>Cannot write {target}: it is a service file of the event file {event}. Choose another name: nothing was written.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/files.py" line="131"/>
        <source>Impossibile scrivere {target}: è la cartella dei blocchi.</source>
        <translation>Cannot write {target}: it is the lock folder.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/files.py" line="139"/>
        <source>Impossibile scrivere {target}: è un file evento. Scegliere un altro nome: nulla è stato scritto.</source>
        <translation>Cannot write {target}: it is an event file. Choose another name: nothing was written.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/files.py" line="167"/>
        <source>Impossibile scrivere {target}: {why}.</source>
        <translation>Cannot write {target}: {why}.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/files.py" line="189"/>
        <source>Impossibile scrivere {target}: {why}. Il file precedente è intatto.</source>
        <translation>Cannot write {target}: {why}. The previous file is intact.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="55"/>
        <source>servono almeno un foglio per i post-it per sessione</source>
        <translation>at least one post-it sheet per session is needed</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/rules.py" line="16"/>
        <source>sessione «{number}» non valida (ammesse: 1 o 2)</source>
        <translation>session “{number}” is not valid (allowed: 1 or 2)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/rules.py" line="24"/>
        <source>{what} vuoto</source>
        <translation>{what} is empty</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/rules.py" line="27"/>
        <source>{what} troppo lungo: {length} caratteri (massimo {limit})</source>
        <translation>{what} too long: {length} characters (at most {limit})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/rules.py" line="36"/>
        <source>{what} contiene caratteri non validi</source>
        <translation>{what} contains characters that are not valid</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/rules.py" line="49"/>
        <source>sessione {number} non valida (ammesse: 1 o 2)</source>
        <translation>session {number} is not valid (allowed: 1 or 2)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/rules.py" line="61"/>
        <source>asse «{number}» non valido (ammessi: 1-6)</source>
        <translation>axis “{number}” is not valid (allowed: 1-6)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/rules.py" line="65"/>
        <source>asse {number} inesistente (ammessi: 1-6)</source>
        <translation>axis {number} does not exist (allowed: 1-6)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/rules.py" line="76"/>
        <source>zona «{number}» non valida (ammesse: 1-11)</source>
        <translation>zone “{number}” is not valid (allowed: 1-11)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/rules.py" line="80"/>
        <source>zona {number} inesistente (ammesse: 1-11)</source>
        <translation>zone {number} does not exist (allowed: 1-11)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/rules.py" line="90"/>
        <location filename="../../facilitator_app/domain/validation.py" line="253"/>
        <location filename="../../facilitator_app/services/exchange/sheets.py" line="207"/>
        <source>codice scheda «{code}» non valido (forma attesa: 2, 2.1 o 2.1.3)</source>
        <translation>card code “{code}” is not valid (expected form: 2, 2.1 or 2.1.3)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/rules.py" line="97"/>
        <source>codice scheda «{code}» non presente nel set di schede dell&apos;evento</source>
        <translation>card code “{code}” is not in the event&apos;s card set</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/rules.py" line="110"/>
        <source>troppi valori in {what}: {count} (massimo {limit})</source>
        <translation>too many values in {what}: {count} (at most {limit})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/timer.py" line="149"/>
        <source>la sessione è già iniziata</source>
        <translation>the session has already started</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/timer.py" line="160"/>
        <source>il cronometro non è in corso</source>
        <translation>the timer is not running</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/timer.py" line="171"/>
        <source>il cronometro non è in pausa</source>
        <translation>the timer is not paused</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/timer.py" line="181"/>
        <source>l&apos;estensione deve essere positiva</source>
        <translation>the extension must be positive</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/timer.py" line="193"/>
        <source>la sessione non è iniziata</source>
        <translation>the session has not started</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/timer.py" line="195"/>
        <source>la sessione è già conclusa</source>
        <translation>the session has already ended</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="132"/>
        <source>tipo «{text}» sconosciuto (ammessi: {accepted})</source>
        <translation>unknown kind “{text}” (allowed: {accepted})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="153"/>
        <source>categoria «{text}» sconosciuta</source>
        <translation>unknown category “{text}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/bulk_import.py" line="47"/>
        <source>contributo già presente nell&apos;evento (file già importato?)</source>
        <translation>post-it already in the event (file already imported?)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/bulk_import.py" line="50"/>
        <source>riga duplicata (uguale alla riga {first})</source>
        <translation>duplicate row (same as row {first})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/bulk_import.py" line="51"/>
        <source>nessun contributo nel file</source>
        <translation>no post-its in the file</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/bulk_import.py" line="232"/>
        <source>manca il tavolo (l&apos;evento ne ha più di uno)</source>
        <translation>the table is missing (the event has more than one)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/bulk_import.py" line="238"/>
        <source>tavolo «{name}» non presente nell&apos;evento</source>
        <translation>table “{name}” is not in the event</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/cards_in_play.py" line="144"/>
        <source>scheda {code} non in gioco</source>
        <translation>card {code} is not in play</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/counts.py" line="132"/>
        <source>contatore sconosciuto: {what}</source>
        <translation>unknown counter: {what}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/counts.py" line="178"/>
        <source>sede {venue} non trovata</source>
        <translation>venue {venue} not found</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/counts.py" line="206"/>
        <source>categoria «{code}» sconosciuta (ammesse: {known})</source>
        <translation>unknown category “{code}” (allowed: {known})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/cells.py" line="42"/>
        <source>manca un numero intero obbligatorio</source>
        <translation>a required whole number is missing</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/cells.py" line="43"/>
        <source>«{value}» non è un numero intero</source>
        <translation>“{value}” is not a whole number</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/cells.py" line="44"/>
        <source>{value} è fuori dai limiti (massimo {limit:,})</source>
        <translation>{value} is out of bounds (at most {limit:,})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/cells.py" line="110"/>
        <source>atteso un numero intero, trovato un valore vero/falso</source>
        <translation>a whole number was expected, a true/false value was found</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="74"/>
        <source>non è un file Excel (.xlsx) valido o è troncato</source>
        <translation>not a valid Excel (.xlsx) file, or truncated</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="79"/>
        <source>il file Excel contiene troppe parti ({count})</source>
        <translation>the Excel file has too many parts ({count})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="87"/>
        <source>il file Excel si espanderebbe a {size} MB (rapporto {ratio}:1): rifiutato per sicurezza</source>
        <translation>the Excel file would expand to {size} MB (ratio {ratio}:1): refused for safety</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="112"/>
        <source>colonna sconosciuta «{label}» (attese: {expected})</source>
        <translation>unknown column “{label}” (expected: {expected})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="122"/>
        <source>colonna «{label}» ripetuta</source>
        <translation>column “{label}” repeated</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="139"/>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="158"/>
        <source>mancano le colonne: {columns}</source>
        <translation>missing columns: {columns}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="166"/>
        <source>file troppo grande ({size:.1f} MB, massimo {limit} MB)</source>
        <translation>file too large ({size:.1f} MB, at most {limit} MB)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="173"/>
        <source>non è un file di testo CSV (contiene byte binari)</source>
        <translation>not a CSV text file (it contains binary bytes)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="181"/>
        <source>il file non è in codifica UTF-8: salvarlo come «CSV UTF-8» e riprovare</source>
        <translation>the file is not UTF-8 encoded: save it as “CSV UTF-8” and try again</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="196"/>
        <source>CSV non valido ({why})</source>
        <translation>CSV not valid ({why})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="201"/>
        <location filename="../../facilitator_app/services/common/yaml_lines.py" line="100"/>
        <location filename="../../facilitator_app/services/merge/sources.py" line="130"/>
        <source>il file è vuoto</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="215"/>
        <source>troppe righe ({count}, massimo {limit})</source>
        <translation>too many rows ({count}, at most {limit})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="228"/>
        <source>la riga ha più celle delle colonne d&apos;intestazione</source>
        <translation>the row has more cells than the header has columns</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="246"/>
        <source>file Excel illeggibile: contiene entità XML, rifiutato per sicurezza</source>
        <translation>unreadable Excel file: it contains XML entities, refused for safety</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="261"/>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="63"/>
        <source>file Excel illeggibile ({why})</source>
        <translation>unreadable Excel file ({why})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="268"/>
        <source>manca il foglio «{name}»</source>
        <translation>sheet “{name}” is missing</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="275"/>
        <source>il file Excel non contiene alcun foglio</source>
        <translation>the Excel file has no sheet</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="284"/>
        <source>formula non ammessa: scrivere il valore nella cella</source>
        <translation>formulas are not allowed: write the value in the cell</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="299"/>
        <source>foglio illeggibile ({why})</source>
        <translation>unreadable sheet ({why})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="320"/>
        <source>file troppo grande ({size:.1f} MB)</source>
        <translation>file too large ({size:.1f} MB)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="326"/>
        <source>il foglio è vuoto</source>
        <translation>the sheet is empty</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="340"/>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="467"/>
        <location filename="../../facilitator_app/services/merge/sources.py" line="127"/>
        <source>il file non esiste</source>
        <translation>the file does not exist</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="348"/>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="479"/>
        <source>non è un file Excel (.xlsx): il contenuto è di un altro tipo</source>
        <translation>not an Excel (.xlsx) file: its content is of another type</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/tabular.py" line="357"/>
        <location filename="../../facilitator_app/services/common/tabular.py" line="388"/>
        <source>formato «{suffix}» non supportato: usare .xlsx o .csv</source>
        <translation>format “{suffix}” not supported: use .xlsx or .csv</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/yaml_lines.py" line="37"/>
        <source>chiave non valida</source>
        <translation>key not valid</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/yaml_lines.py" line="44"/>
        <source>chiave «{key}» ripetuta</source>
        <translation>key “{key}” repeated</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/yaml_lines.py" line="59"/>
        <source>struttura YAML non supportata</source>
        <translation>YAML structure not supported</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/yaml_lines.py" line="85"/>
        <source>il file non è in codifica UTF-8</source>
        <translation>the file is not UTF-8 encoded</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/yaml_lines.py" line="89"/>
        <source>impossibile leggere il file ({why})</source>
        <translation>cannot read the file ({why})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/yaml_lines.py" line="97"/>
        <source>YAML non valido: {why}</source>
        <translation>YAML not valid: {why}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/yaml_lines.py" line="117"/>
        <source>{what}: atteso un elenco di chiavi</source>
        <translation>{what}: a list of keys was expected</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/yaml_lines.py" line="127"/>
        <source>{what}: chiave sconosciuta «{key}» (ammesse: {allowed})</source>
        <translation>{what}: unknown key “{key}” (allowed: {allowed})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/yaml_lines.py" line="139"/>
        <source>{what}: manca «{key}»</source>
        <translation>{what}: “{key}” is missing</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/report_texts.py" line="36"/>
        <source>testi sconosciuti: {names}</source>
        <translation>unknown texts: {names}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="65"/>
        <source>codice «{code}» non valido</source>
        <translation>code “{code}” not valid</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="72"/>
        <source>il codice «{code}» non appartiene a «{parent}» sotto cui è scritto</source>
        <translation>code “{code}” does not belong to “{parent}”, under which it is written</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="82"/>
        <location filename="../../facilitator_app/services/setup/cards.py" line="271"/>
        <source>codice «{code}» duplicato (già alla riga {first})</source>
        <translation>code “{code}” repeated (already on row {first})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="91"/>
        <source>manca il titolo della scheda «{code}»</source>
        <translation>the title of card “{code}” is missing</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="132"/>
        <source>«axes» deve essere un elenco</source>
        <translation>“axes” must be a list</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="147"/>
        <source>asse «{code}» inesistente (1-6)</source>
        <translation>axis “{code}” does not exist (1-6)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="199"/>
        <source>il codice «{code}» non ha la forma di una strategia (es. 2.1)</source>
        <translation>code “{code}” does not have the form of a strategy (e.g. 2.1)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="203"/>
        <source>il codice «{code}» non ha la forma di una azione (es. 2.1.3)</source>
        <translation>code “{code}” does not have the form of an action (e.g. 2.1.3)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="252"/>
        <source>codice «{code}» non valido (forma: 2, 2.1 o 2.1.3)</source>
        <translation>code “{code}” not valid (form: 2, 2.1 or 2.1.3)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="263"/>
        <source>livello «{level}» non corrisponde al codice {code} ({expected})</source>
        <translation>level “{level}” does not match code {code} ({expected})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="279"/>
        <source>manca il titolo della scheda {code}</source>
        <translation>the title of card {code} is missing</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="286"/>
        <source>manca l&apos;asse {parent} della strategia {code}</source>
        <translation>axis {parent} of strategy {code} is missing</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="289"/>
        <source>nessuna scheda nel file</source>
        <translation>no cards in the file</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="350"/>
        <source>mancano schede già usate in questo evento (in gioco o sui post-it): {cards}; aggiungile al file, nulla è stato cambiato</source>
        <translation>cards already used in this event (in play or on post-its) are missing: {cards}; add them to the file, nothing was changed</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="379"/>
        <source>edizione delle schede «{edition}» sconosciuta</source>
        <translation>unknown card edition “{edition}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="390"/>
        <source>l&apos;evento usa già schede dell&apos;edizione {edition} ({cards}, in gioco o sui post-it): cambiando edizione gli stessi codici indicherebbero altre strategie. Togli quelle schede dal gioco e dai post-it, poi riprova; nulla è stato cambiato</source>
        <translation>the event already uses cards of the {edition} edition ({cards}, in play or on post-its): in another edition the same codes would mean other strategies. Take those cards out of play and off the post-its, then try again; nothing was changed</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/demo.py" line="35"/>
        <source>tavolo «{key}» sconosciuto</source>
        <translation>unknown table “{key}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/demo.py" line="176"/>
        <source>schede sconosciute: {codes}</source>
        <translation>unknown cards: {codes}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/demo.py" line="181"/>
        <source>tema «{theme}» non definito nella sessione</source>
        <translation>theme “{theme}” is not defined in the session</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/distribute.py" line="85"/>
        <source>«{query}» non è tra {what} {within} (disponibili: {listed})</source>
        <translation>“{query}” is not among {what} {within} (available: {listed})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/distribute.py" line="96"/>
        <source>«{query}» è ambiguo tra {what} {within}: {names}. Indicare un nome più preciso.</source>
        <translation>“{query}” is ambiguous among {what} {within}: {names}. Give a more precise name.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/distribute.py" line="144"/>
        <source>nessun tavolo scelto</source>
        <translation>no table chosen</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/distribute.py" line="148"/>
        <source>serve un orologio per registrare il cambio di facilitatore</source>
        <translation>a clock is needed to record the change of facilitator</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/distribute.py" line="239"/>
        <source>nessuna sede e nessun tavolo scelti</source>
        <translation>no venue and no table chosen</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/distribute.py" line="243"/>
        <source>due file avrebbero lo stesso nome: sceglierne uno per ciascuno</source>
        <translation>two files would have the same name: choose one for each</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/distribute.py" line="251"/>
        <source>In {folder} esistono già: {listed}. Nessun file è stato scritto: scegliere un&apos;altra cartella o spostare quei file.</source>
        <translation>These already exist in {folder}: {listed}. No file was written: choose another folder or move those files.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/distribute.py" line="272"/>
        <source>Impossibile scrivere nella cartella {folder}: {why}. Nessun file è stato scritto.</source>
        <translation>Cannot write in the folder {folder}: {why}. No file was written.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/distribute.py" line="285"/>
        <source>Il file {target} esiste già. Nessun file è stato scritto.</source>
        <translation>The file {target} already exists. No file was written.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/distribute.py" line="295"/>
        <source>Impossibile scrivere in {folder}: {why}. Nessun file è stato scritto.</source>
        <translation>Cannot write in {folder}: {why}. No file was written.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/templates.py" line="96"/>
        <source>formato «{format}» sconosciuto</source>
        <translation>unknown format “{format}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/templates.py" line="117"/>
        <source>sede «{venue}» non definita</source>
        <translation>venue “{venue}” is not defined</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/templates.py" line="124"/>
        <source>zona omogenea inesistente</source>
        <translation>homogeneous zone does not exist</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/templates.py" line="130"/>
        <source>asse {axis} inesistente</source>
        <translation>axis {axis} does not exist</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/templates.py" line="150"/>
        <source>le sessioni sono la 1 e la 2</source>
        <translation>the sessions are 1 and 2</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/templates.py" line="172"/>
        <source>tipo di voce «{kind}» sconosciuto</source>
        <translation>unknown kind of agenda item “{kind}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="78"/>
        <source>troppi valori: {count} (massimo {limit})</source>
        <translation>too many values: {count} (at most {limit})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="89"/>
        <source>dato binario (BLOB) invece di {wanted}</source>
        <translation>binary data (BLOB) instead of {wanted}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="92"/>
        <source>{type} «{value}» invece di {wanted}</source>
        <translation>{type} “{value}” instead of {wanted}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="109"/>
        <source>valore mancante</source>
        <translation>missing value</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="121"/>
        <source>testo troppo lungo: {length} caratteri (massimo {limit})</source>
        <translation>text too long: {length} characters (at most {limit})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="128"/>
        <source>testo vuoto</source>
        <translation>empty text</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="139"/>
        <source>identificativo «{value}» non valido</source>
        <translation>identifier “{value}” is not valid</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="151"/>
        <source>{value} fuori intervallo ({low}-{high})</source>
        <translation>{value} out of range ({low}-{high})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="167"/>
        <source>{what} {value} inesistente (ammessi: {low}-{high})</source>
        <translation>{what} {value} does not exist (allowed: {low}-{high})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="186"/>
        <source>«{value}» non è una data e ora ISO 8601</source>
        <translation>“{value}” is not an ISO 8601 date and time</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="192"/>
        <source>data {value} troppo lontana nel passato (prima del 2000)</source>
        <translation>date {value} too far in the past (before 2000)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="196"/>
        <source>data {value} nel futuro</source>
        <translation>date {value} in the future</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="205"/>
        <source>«{value}» non è un&apos;ora (forma attesa HH:MM)</source>
        <translation>“{value}” is not a time (expected form HH:MM)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="218"/>
        <source>«{value}» non è una data (AAAA-MM-GG)</source>
        <translation>“{value}” is not a date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="221"/>
        <source>data {value} non plausibile</source>
        <translation>date {value} is not plausible</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="235"/>
        <source>elenco di {what}</source>
        <translation>list of {what}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="281"/>
        <source>categoria «{value}» sconosciuta</source>
        <translation>unknown category “{value}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="474"/>
        <source>{what} «{value}» non è un numero intero</source>
        <translation>{what} “{value}” is not a whole number</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="489"/>
        <source>numero non valido: {number} (0-{limit})</source>
        <translation>number not valid: {number} (0-{limit})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="505"/>
        <source>voti {number} fuori intervallo (0-{limit})</source>
        <translation>votes {number} out of range (0-{limit})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/xlsx_stream.py" line="71"/>
        <source>{what} {where} fuori dai limiti (al massimo {columns} colonne e {rows} righe dopo l&apos;intestazione)</source>
        <translation>{what} {where} out of bounds (at most {columns} columns and {rows} rows after the header)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/xlsx_stream.py" line="177"/>
        <source>dichiarazioni DTD o entità XML non ammesse</source>
        <translation>DTD declarations or XML entities are not allowed</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/xlsx_stream.py" line="182"/>
        <source>entità XML esterne non ammesse</source>
        <translation>external XML entities are not allowed</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/xlsx_stream.py" line="262"/>
        <source>cella {cell} fuori ordine</source>
        <translation>cell {cell} out of order</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/xlsx_stream.py" line="324"/>
        <source>troppe celle (al massimo {limit:,} per file)</source>
        <translation>too many cells (at most {limit:,} per file)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/records/event_records.py" line="125"/>
        <source>tavoli non presenti nell&apos;evento: {unknown} (presenti: {known})</source>
        <translation>tables not in the event: {unknown} (present: {known})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/records/validation.py" line="53"/>
        <source>record non validi</source>
        <translation>records not valid</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/codec.py" line="41"/>
        <source>{type} invece di testo JSON</source>
        <translation>{type} instead of JSON text</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/codec.py" line="46"/>
        <source>JSON di forma inattesa ({type})</source>
        <translation>JSON of an unexpected shape ({type})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/codec.py" line="56"/>
        <source>valore {value} invece di {type}</source>
        <translation>value {value} instead of {type}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/codec.py" line="83"/>
        <source>zona «{zone}» non valida</source>
        <translation>zone “{zone}” is not valid</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/codec.py" line="103"/>
        <source>pausa di forma inattesa</source>
        <translation>pause of an unexpected shape</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/codec.py" line="118"/>
        <source>colonna «{column}»: {error}</source>
        <extracomment>What is wrong, translatable (the cause too when it is one of ours).</extracomment>
        <translation>column “{column}”: {error}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="52"/>
        <source>Impossibile salvare in {file}: {reason}. I dati già salvati sono intatti.</source>
        <translation>Cannot save to {file}: {reason}. The data already saved is intact.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="60"/>
        <source>{file} è aperto in sola lettura.</source>
        <translation>{file} is open read-only.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="61"/>
        <source>{file} non è un file evento valido o è danneggiato ({error}).</source>
        <translation>{file} is not a valid event file or is damaged ({error}).</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="125"/>
        <source>{target} non è un file: impossibile sostituirlo.</source>
        <translation>{target} is not a file: it cannot be replaced.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="187"/>
        <location filename="../../facilitator_app/storage/database.py" line="212"/>
        <source>Il file {file} non esiste.</source>
        <translation>The file {file} does not exist.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="238"/>
        <source>{file} non è un file evento: {error}</source>
        <translation>{file} is not an event file: {error}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="255"/>
        <source>Impossibile aprire {file}: {reason}. Il file non è stato modificato.</source>
        <translation>Cannot open {file}: {reason}. The file was not changed.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="285"/>
        <source>{file} è danneggiato ({verdict}). Usare una copia di sicurezza o l&apos;ultimo file esportato.</source>
        <translation>{file} is damaged ({verdict}). Use a backup copy or the latest exported file.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="295"/>
        <source>{file} non è un file evento di questa applicazione.</source>
        <translation>{file} is not an event file of this application.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="308"/>
        <source>{file} è stato scritto da una versione più recente dell&apos;applicazione (schema: {steps}). Aggiornare l&apos;applicazione: il file non è stato modificato.</source>
        <translation>{file} was written by a newer version of the application (schema: {steps}). Update the application: the file was not changed.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="322"/>
        <source>passi di schema incoerenti: {steps}</source>
        <translation>inconsistent schema steps: {steps}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="332"/>
        <source>{file} non è un file evento valido: {problems} (e altri {more}). Il file è stato rifiutato senza usarlo né modificarlo.</source>
        <translation>{file} is not a valid event file: {problems} (and {more} more). The file was refused without being used or changed.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="343"/>
        <source>{file} non è un file evento valido: {problems}. Il file è stato rifiutato senza usarlo né modificarlo.</source>
        <translation>{file} is not a valid event file: {problems}. The file was refused without being used or changed.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="501"/>
        <source>{file} è danneggiato: nella tabella «{table}» il record {record_id} non è leggibile ({error}).</source>
        <translation>{file} is damaged: in the table “{table}” the record {record_id} cannot be read ({error}).</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="519"/>
        <source>{file} è danneggiato: dati illeggibili nella tabella «{table}» ({error}).</source>
        <translation>{file} is damaged: unreadable data in the table “{table}” ({error}).</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/database.py" line="557"/>
        <source>{file} non contiene alcun evento.</source>
        <translation>{file} holds no event.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/event_files.py" line="28"/>
        <source>Impossibile creare {target}: {reason}. Nessun file è stato creato.</source>
        <translation>Cannot create {target}: {reason}. No file was created.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/event_files.py" line="37"/>
        <source>Il file {target} esiste già: scegliere un altro nome.</source>
        <extracomment>The message of a new file whose name was taken meanwhile (also EventStore.create&apos;s).</extracomment>
        <translation>The file {target} already exists: choose another name.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/event_files.py" line="80"/>
        <source>Impossibile creare {target}: il file non è stato completato.</source>
        <translation>Cannot create {target}: the file was not completed.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/event_files.py" line="151"/>
        <source>{target}: {what} in sola lettura ({reason}). Il file si può aprire solo in lettura; per modificarlo copiarlo in una cartella scrivibile.</source>
        <translation>{target}: read-only {what} ({reason}). The file can only be opened for reading; to change it, copy it to a folder that can be written.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/file_errors.py" line="17"/>
        <source>il disco è pieno</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/file_errors.py" line="18"/>
        <source>cartella o disco in sola lettura</source>
        <translation>read-only folder or disk</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/file_errors.py" line="19"/>
        <source>permesso negato</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/file_errors.py" line="23"/>
        <source>il disco è pieno (quota esaurita)</source>
        <translation>the disk is full (quota used up)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/file_errors.py" line="24"/>
        <source>file troppo grande per il disco</source>
        <translation>file too large for the disk</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/file_errors.py" line="28"/>
        <source>cartella inesistente</source>
        <translation>the folder does not exist</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/file_errors.py" line="30"/>
        <source>il percorso passa per un file, non per una cartella</source>
        <translation>the path goes through a file, not a folder</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/file_errors.py" line="32"/>
        <source>è una cartella</source>
        <translation>it is a folder</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/file_errors.py" line="34"/>
        <source>errore di lettura o scrittura del disco (disco staccato o guasto?)</source>
        <translation>disk read or write error (disk unplugged or faulty?)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/file_errors.py" line="79"/>
        <source>cartella o file non scrivibili</source>
        <translation>the folder or the file cannot be written</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/file_errors.py" line="81"/>
        <source>il file è in uso da un altro programma</source>
        <translation>the file is in use by another program</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/file_errors.py" line="84"/>
        <source>errore di scrittura del disco (disco pieno o staccato?)</source>
        <translation>disk write error (disk full or unplugged?)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/lock.py" line="47"/>
        <source>Impossibile preparare la cartella dei blocchi {folder}: {reason}.</source>
        <translation>Cannot prepare the lock folder {folder}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/lock.py" line="140"/>
        <source>Impossibile bloccare {file} per la scrittura: {reason}.</source>
        <translation>Cannot lock {file} for writing: {reason}.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/lock.py" line="152"/>
        <source>{name} è già aperto da un&apos;altra finestra o un altro programma ({holder}). Si può aprire in sola lettura.</source>
        <translation>{name} is already open in another window or another program ({holder}). It can be opened read-only.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/lock.py" line="158"/>
        <source>{name} è già aperto da un&apos;altra finestra o un altro programma. Si può aprire in sola lettura.</source>
        <translation>{name} is already open in another window or another program. It can be opened read-only.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/lock.py" line="204"/>
        <source>pid {pid} su {host}</source>
        <translation>pid {pid} on {host}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="104"/>
        <source>{kind} «{name}» su {table}</source>
        <translation>{kind} “{name}” on {table}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="109"/>
        <source>{kind} «{name}»</source>
        <translation>{kind} “{name}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="129"/>
        <source>«{name}» non è una tabella</source>
        <translation>“{name}” is not a table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="138"/>
        <source>tabella «{name}» diversa da quella attesa</source>
        <translation>table “{name}” differs from the expected one</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="152"/>
        <source>colonna «{name}» inattesa in {table}</source>
        <translation>unexpected column “{name}” in {table}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="160"/>
        <source>manca la colonna «{name}» in {table}</source>
        <translation>column “{name}” is missing in {table}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="169"/>
        <source>colonna «{name}» di {table}: tipo {found} invece di {wanted}</source>
        <translation>column “{name}” of {table}: type {found} instead of {wanted}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="181"/>
        <source>colonna «{name}» di {table} definita diversamente</source>
        <translation>column “{name}” of {table} defined differently</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="191"/>
        <source>colonne di {table} in un ordine diverso</source>
        <translation>columns of {table} in another order</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="197"/>
        <source>vincoli di chiave esterna inattesi in {table}</source>
        <translation>unexpected foreign key constraints in {table}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="214"/>
        <source>{object} inattesa</source>
        <translation>unexpected {object}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="215"/>
        <source>{object} inatteso</source>
        <translation>unexpected {object}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="224"/>
        <source>manca {object}</source>
        <translation>{object} is missing</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="232"/>
        <source>{object} invece che su {table}</source>
        <translation>{object} instead of on {table}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="246"/>
        <source>definizione di {object} diversa da quella attesa</source>
        <translation>definition of {object} differs from the expected one</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/versions_sheet.py" line="78"/>
        <source>versione illeggibile</source>
        <translation>unreadable version</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/versions_sheet.py" line="89"/>
        <source>versione alterata (il codice non corrisponde al contenuto)</source>
        <translation>altered version (the code does not match the content)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/merge/conflicts.py" line="116"/>
        <source>Nessun conflitto «{ident}» in questo file.</source>
        <translation>No conflict “{ident}” in this file.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/merge/conflicts.py" line="121"/>
        <source>Il conflitto {ident} ha le versioni {sides}, non «{keep}».</source>
        <translation>Conflict {ident} has versions {sides}, not “{keep}”.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/codecs.py" line="89"/>
        <source>atteso un testo, trovato un valore vero/falso</source>
        <translation>expected a text, found a true/false value</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/codecs.py" line="96"/>
        <source>atteso un testo, trovato «{value}»</source>
        <translation>expected a text, found “{value}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/codecs.py" line="137"/>
        <source>formato «{value}» sconosciuto (ammessi: {allowed})</source>
        <translation>unknown format “{value}” (allowed: {allowed})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/codecs.py" line="150"/>
        <source>atteso «sì» o «no», trovato «{value}»</source>
        <translation>expected “sì” or “no”, found “{value}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/codecs.py" line="167"/>
        <source>testo JSON non valido ({reason})</source>
        <translation>invalid JSON text ({reason})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/codecs.py" line="171"/>
        <source>atteso un oggetto JSON {shape}</source>
        <translation>expected a JSON object {shape}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/codecs.py" line="208"/>
        <source>atteso un elenco JSON di pause {shape}</source>
        <translation>expected a JSON list of breaks {shape}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/importer.py" line="52"/>
        <source>{file} contiene già dei dati ({kinds}): importare in un file evento nuovo e vuoto</source>
        <translation>{file} already holds data ({kinds}): import into a new, empty event file</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="60"/>
        <source>troppe righe (massimo {limit})</source>
        <translation>too many rows (at most {limit})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="61"/>
        <source>manca la riga d&apos;intestazione</source>
        <translation>the header row is missing</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="124"/>
        <source>formula non ammessa in un file di scambio</source>
        <translation>formulas are not allowed in an exchange file</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="147"/>
        <source>colonna «{name}» ripetuta</source>
        <translation>column “{name}” appears twice</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="205"/>
        <source>un post-it in questo foglio deve avere la data di eliminazione (i post-it non eliminati vanno nel foglio «Contributi»)</source>
        <translation>a post-it in this sheet must have its deletion date (post-its not deleted belong in the “Contributi” sheet)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="239"/>
        <source>mancano le chiavi: {keys}</source>
        <translation>missing keys: {keys}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="252"/>
        <source>non è un file di scambio di facilitator_app (formato «{name}»)</source>
        <translation>not a facilitator_app exchange file (format “{name}”)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="263"/>
        <source>il file usa la versione {version} del formato, questa applicazione legge fino alla {supported}: aggiornare l&apos;applicazione</source>
        <translation>the file uses version {version} of the format, this application reads up to version {supported}: update the application</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="276"/>
        <source>versione del formato {version} non valida</source>
        <translation>format version {version} is not valid</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="300"/>
        <source>identificativo ripetuto: {key}</source>
        <translation>repeated identifier: {key}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="311"/>
        <source>il record {record} rimanda a {what} inesistente «{value}»</source>
        <translation>record {record} refers to {what} that does not exist: “{value}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="340"/>
        <source>chiave di tavolo ripetuta «{key}»</source>
        <translation>repeated table key “{key}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="350"/>
        <source>sessione {number} ripetuta per il tavolo {table}</source>
        <translation>session {number} repeated for table {table}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="364"/>
        <source>il conteggio {count} non indica alcun tavolo</source>
        <translation>count {count} names no table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="371"/>
        <source>il conteggio {count} rimanda a un tavolo inesistente «{table}»</source>
        <translation>count {count} refers to a table that does not exist: “{table}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="386"/>
        <source>gli UUID delle sedi nei metadati non corrispondono al foglio «{records}»</source>
        <translation>the venue UUIDs in the metadata do not match the “{records}” sheet</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="395"/>
        <source>gli UUID dei tavoli nei metadati non corrispondono al foglio «{records}»</source>
        <translation>the table UUIDs in the metadata do not match the “{records}” sheet</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="472"/>
        <source>file troppo grande ({megabytes} MB)</source>
        <translation>file too large ({megabytes} MB)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="503"/>
        <source>mancano i fogli: {sheets}</source>
        <translation>missing sheets: {sheets}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="572"/>
        <source>i dati non corrispondono all&apos;impronta SHA-256 dei metadati: il file è stato modificato dopo l&apos;esportazione</source>
        <translation>the data do not match the SHA-256 fingerprint in the metadata: the file was modified after export</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/styled_sheet.py" line="84"/>
        <source>un testo di {length} caratteri non entra in una cella di Excel (massimo {limit}): «{start}…»</source>
        <translation>a text of {length} characters does not fit in an Excel cell (at most {limit}): “{start}…”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/writer.py" line="136"/>
        <source>foglio «{sheet}»: {problem}</source>
        <translation>sheet “{sheet}”: {problem}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/merge/engine.py" line="169"/>
        <source>appartiene a un altro evento («{title}», {date}) e non a «{ours}» ({our_date})</source>
        <translation>belongs to another event (“{title}”, {date}), not to “{ours}” ({our_date})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/merge/engine.py" line="304"/>
        <source>il tavolo {table} usa la chiave «{key}», già del tavolo {owner} dell&apos;evento unito</source>
        <translation>table {table} uses the key “{key}”, which already belongs to table {owner} of the merged event</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/merge/engine.py" line="320"/>
        <source>la sessione {session} occupa la sessione {number} del tavolo {table}, già della sessione {owner}</source>
        <translation>session {session} takes session {number} of table {table}, which already belongs to session {owner}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/merge/engine.py" line="488"/>
        <source>è il file unito stesso</source>
        <translation>it is the merged file itself</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/merge/engine.py" line="517"/>
        <source>dati non registrabili ({why})</source>
        <translation>data that cannot be stored ({why})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/merge/sources.py" line="128"/>
        <source>impossibile leggerlo ({why})</source>
        <translation>cannot be read ({why})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/merge/sources.py" line="129"/>
        <source>tabella «{table}», record {record}: {why}</source>
        <translation>table “{table}”, record {record}: {why}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/merge/sources.py" line="131"/>
        <source>non è né un file evento (.sqlite) né una cartella di lavoro esportata (.xlsx)</source>
        <translation>is neither an event file (.sqlite) nor an exported workbook (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/publish/decidim.py" line="243"/>
        <source>formato «{suffix}» non supportato per Decidim: usare .csv o .json</source>
        <translation>format “{suffix}” not supported for Decidim: use .csv or .json</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/publish/open_data.py" line="449"/>
        <source>Impossibile scrivere i dati aperti in {target}: è un file, non una cartella. Nulla è stato scritto.</source>
        <translation>Cannot write the open data to {target}: it is a file, not a folder. Nothing was written.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/publish/open_data.py" line="458"/>
        <source>Impossibile scrivere i dati aperti in {target}: la cartella non è vuota e non contiene un pacchetto di dati aperti di questa app. Scegliere una cartella nuova o vuota: nulla è stato scritto.</source>
        <translation>Cannot write the open data to {target}: the folder is not empty and does not hold an open-data package of this app. Choose a new or empty folder: nothing was written.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/publish/open_data.py" line="518"/>
        <source>licenza «{licence}» sconosciuta: usare una di {known}</source>
        <translation>unknown licence “{licence}”: use one of {known}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/publish/open_data.py" line="546"/>
        <source>Impossibile scrivere i dati aperti in {target}: {why}. Nulla è cambiato.</source>
        <translation>Cannot write the open data to {target}: {why}. Nothing changed.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/labelled_sets.py" line="33"/>
        <source>{file}: file illeggibile o non JSON ({reason})</source>
        <translation>{file}: unreadable file or not JSON ({reason})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/crosscutting_labels.py" line="33"/>
        <location filename="../../facilitator_app/services/analysis/labelled_sets.py" line="38"/>
        <source>{file}: campo «{field}» mancante o non valido</source>
        <translation>{file}: field “{field}” missing or invalid</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/crosscutting_labels.py" line="34"/>
        <source>{file}: etichette dell&apos;insieme «{found}», non di «{expected}»</source>
        <translation>{file}: labels of the set «{found}», not of «{expected}»</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/crosscutting_labels.py" line="37"/>
        <source>{file}: il post-it «{post}» non è nell&apos;insieme «{expected}»</source>
        <translation>{file}: post-it «{post}» is not in the set «{expected}»</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/crosscutting_labels.py" line="40"/>
        <source>{file}, post-it «{post}»: tema trasversale «{label}» non elencato in «themes»</source>
        <translation>{file}, post-it «{post}»: cross-cutting theme «{label}» not listed in «themes»</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/crosscutting_labels.py" line="43"/>
        <source>{file}, tema n. {position}: campo «label» non valido</source>
        <translation>{file}, theme no. {position}: field «label» missing or invalid</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/crosscutting_labels.py" line="44"/>
        <source>{file}: tema trasversale «{label}» elencato due volte</source>
        <translation>{file}: cross-cutting theme «{label}» listed twice</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/labelled_sets.py" line="34"/>
        <source>{file}: non è un file</source>
        <translation>{file}: not a file</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/labelled_sets.py" line="35"/>
        <source>{file}: troppo grande per un insieme etichettato ({size} MB, al massimo {limit} MB)</source>
        <translation>{file}: too large for a labelled set ({size} MB, at most {limit} MB)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/labelled_sets.py" line="39"/>
        <source>{file}, tabellone «{board}»: campo «{field}» mancante o non valido</source>
        <translation>{file}, board “{board}”: field “{field}” missing or invalid</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/labelled_sets.py" line="42"/>
        <source>{file}, tabellone «{board}», post-it «{post}»: campo «{field}» mancante o non valido</source>
        <translation>{file}, board “{board}”, post-it “{post}”: field “{field}” missing or invalid</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/labelled_sets.py" line="45"/>
        <source>{file}, tabellone «{board}», post-it «{post}»: testo vuoto</source>
        <translation>{file}, board “{board}”, post-it “{post}”: empty text</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/labelled_sets.py" line="46"/>
        <source>{file}, tabellone «{board}», post-it «{post}»: tipo «{kind}» sconosciuto</source>
        <translation>{file}, board “{board}”, post-it “{post}”: unknown kind “{kind}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/labelled_sets.py" line="49"/>
        <source>{file}, tabellone «{board}», post-it «{post}»: identificativo ripetuto</source>
        <translation>{file}, board “{board}”, post-it “{post}”: repeated identifier</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/labelled_sets.py" line="52"/>
        <source>{file}, tabellone «{board}»: identificativo ripetuto</source>
        <translation>{file}, board “{board}”: repeated identifier</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/analysis/labelled_sets.py" line="55"/>
        <source>{file}, tabellone «{board}»: un solo tema, ne servono almeno 2 per valutare</source>
        <translation>{file}, board “{board}”: a single theme, at least 2 are needed to evaluate</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="113"/>
        <source>{count} caratteri non ammessi tolti dal post-it «{text}» (tavolo {table}, sessione {session}, {field})</source>
        <translation>{count} characters not allowed removed from the post-it “{text}” (table {table}, session {session}, {field})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="129"/>
        <source>{count} caratteri non ammessi tolti dal tema «{title}» (tavolo {table}, {field})</source>
        <translation>{count} characters not allowed removed from the theme “{title}” (table {table}, {field})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="141"/>
        <source>{count} caratteri non ammessi tolti dalla sessione {session} del tavolo {table} ({field})</source>
        <translation>{count} characters not allowed removed from session {session} of table {table} ({field})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="170"/>
        <source>{count} caratteri non ammessi tolti dal tavolo {table} ({field})</source>
        <translation>{count} characters not allowed removed from table {table} ({field})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="182"/>
        <source>{count} caratteri non ammessi tolti dall&apos;evento ({field})</source>
        <translation>{count} characters not allowed removed from the event ({field})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="190"/>
        <source>{count} caratteri non ammessi tolti dalla sede {venue} ({field})</source>
        <translation>{count} characters not allowed removed from the venue {venue} ({field})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="201"/>
        <source>{count} caratteri non ammessi tolti dal programma della giornata («{title}», {field})</source>
        <translation>{count} characters not allowed removed from the programme of the day (“{title}”, {field})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="213"/>
        <source>{count} caratteri non ammessi tolti dalla scheda {code} ({field})</source>
        <translation>{count} characters not allowed removed from card {code} ({field})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="225"/>
        <source>{count} caratteri non ammessi tolti da un conteggio o una scheda in gioco ({field})</source>
        <translation>{count} characters not allowed removed from a head count or a card in play ({field})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/word_report.py" line="71"/>
        <source>Impossibile scrivere {target}: è una cartella.</source>
        <translation>Cannot write {target}: it is a folder.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/room/intake.py" line="52"/>
        <source>il tavolo {table} non ha la sessione {session}</source>
        <translation>table {table} has no session {session}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/room/intake.py" line="166"/>
        <source>punti esauriti ({budget} per telefono)</source>
        <translation>no dots left ({budget} per phone)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/room/moderation.py" line="20"/>
        <source>post-it in attesa {post} inesistente o già deciso</source>
        <translation>pending sticky note {post} does not exist or was already decided</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/room/texts.py" line="23"/>
        <source>il post-it è vuoto</source>
        <translation>the sticky note is empty</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/room/texts.py" line="26"/>
        <source>il post-it è lungo {count} caratteri (massimo {limit})</source>
        <translation>the sticky note is {count} characters long (at most {limit})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/room/texts.py" line="32"/>
        <source>il post-it contiene caratteri di controllo</source>
        <translation>the sticky note contains control characters</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/hub/sender.py" line="29"/>
        <source>Il coordinamento non risponde a {address} ({why}): controllare l&apos;indirizzo e che questo portatile sia nella stessa rete.</source>
        <translation>The coordinators do not answer at {address} ({why}): check the address and that this laptop is on the same network.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/hub/sender.py" line="34"/>
        <source>Codice sbagliato: scrivere il codice mostrato dal coordinamento.</source>
        <translation>Wrong code: type the code the coordinators show.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/hub/sender.py" line="37"/>
        <source>Troppi codici sbagliati: riprovare tra un minuto con il codice giusto.</source>
        <translation>Too many wrong codes: try again in a minute with the right code.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/hub/sender.py" line="40"/>
        <source>Il file {file} è troppo grande per il coordinamento.</source>
        <translation>The file {file} is too large for the coordinators.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/hub/sender.py" line="41"/>
        <source>Il coordinamento ha rifiutato {file}: {why}</source>
        <translation>The coordinators refused {file}: {why}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/hub/sender.py" line="42"/>
        <source>Si inviano solo file evento (.sqlite) e cartelle di lavoro (.xlsx): {file}</source>
        <translation>Only event files (.sqlite) and workbooks (.xlsx) can be sent: {file}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/hub/sender.py" line="45"/>
        <source>A {address} risponde qualcosa che non è il coordinamento: controllare l&apos;indirizzo mostrato dal coordinamento.</source>
        <translation>Something that is not the coordination hub answers at {address}: check the address the coordinator shows.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/hub/sender.py" line="50"/>
        <source>Indirizzo del coordinamento non valido: {address} (esempio: 192.168.1.10:8765)</source>
        <translation>Invalid coordinators&apos; address: {address} (for example 192.168.1.10:8765)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/snapshot.py" line="19"/>
        <source>Impossibile copiare {source}: {reason}.</source>
        <translation>Could not copy {source}: {reason}.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="172"/>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="251"/>
        <source>Esporta: {what}</source>
        <extracomment>The restituzione&apos;s two formats, chosen in its dialog.</extracomment>
        <translation>Export: {what}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="180"/>
        <source>File da scrivere</source>
        <translation>File to write</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="183"/>
        <source>&amp;Sfoglia…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="184"/>
        <source>Scegli il file da scrivere</source>
        <translation>Choose the file to write</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="187"/>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="190"/>
        <source>&amp;PDF</source>
        <translation>&amp;PDF</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="191"/>
        <source>&amp;Word (.docx), da rivedere e pubblicare</source>
        <translation>&amp;Word (.docx), to edit and publish</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="203"/>
        <source>Formato:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="209"/>
        <source>Solo il tavolo corrente</source>
        <translation>Only the current table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="212"/>
        <source>Solo il &amp;tavolo corrente ({name})</source>
        <translation>Only the current &amp;table ({name})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="219"/>
        <source>&amp;Anonimizza (senza i nomi dei facilitatori e del computer)</source>
        <translation>&amp;Anonymise (without the facilitators&apos; and the computer&apos;s names)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="221"/>
        <source>Anonimizza</source>
        <translation>Anonymise</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="224"/>
        <source>Il kit cartaceo non contiene nomi</source>
        <translation>The paper kit holds no names</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="228"/>
        <source>Ciò che si pubblica è sempre anonimo</source>
        <translation>What is published is always anonymous</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="234"/>
        <source>&amp;Esporta</source>
        <translation>&amp;Export</translation>
    </message>
</context>
<context>
    <name>ExportKind</name>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="69"/>
        <source>Cartella di lavoro Excel</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="71"/>
        <source>Restituzione PDF</source>
        <translation>Report PDF</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="73"/>
        <source>Restituzione Word</source>
        <translation>Word report</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="75"/>
        <source>Proposte per Decidim (CSV)</source>
        <translation>Proposals for Decidim (CSV)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="77"/>
        <source>Dati aperti (cartella)</source>
        <translation>Open data (folder)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="78"/>
        <source>Kit cartaceo PDF</source>
        <translation>Paper kit PDF</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="84"/>
        <source>Cartelle di lavoro Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="86"/>
        <source>Documenti Word (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="88"/>
        <source>File CSV per Decidim (*.csv)</source>
        <translation>CSV files for Decidim (*.csv)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/dialog.py" line="89"/>
        <source>Documenti PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="127"/>
        <source>Esportazione: {what}</source>
        <translation>Exporting: {what}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="179"/>
        <source>Esportazione annullata: nulla è stato scritto.</source>
        <translation>Export cancelled: nothing was written.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="123"/>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="185"/>
        <source>Esportazione non riuscita:
{why}</source>
        <translation>The export failed:
{why}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="193"/>
        <source>{n} post-it in {sheets} fogli.</source>
        <translation>{n} post-its in {sheets} sheets.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="200"/>
        <source>… e altri {n} campi</source>
        <translation>… and {n} more fields</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="202"/>
        <source>{n} post-it.</source>
        <translation>{n} post-its.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="205"/>
        <source>{pages} pagine, {n} post-it.</source>
        <translation>{pages} pages, {n} post-its.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="211"/>
        <source>{n} post-it, {themes} temi, {tables} tavoli.</source>
        <translation>{n} post-its, {themes} themes, {tables} tables.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="214"/>
        <source>{pages} pagine per {tables} tavoli.</source>
        <translation>{pages} pages for {tables} tables.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="220"/>
        <source>{n} proposte da {posts} post-it.</source>
        <translation>{n} proposals from {posts} post-its.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="225"/>
        <source>{n} testi accorciati ai limiti di Decidim (la riga di comando li elenca).</source>
        <translation>{n} texts shortened to Decidim’s limits (the command line lists them).</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="229"/>
        <source>{n} testi iniziano come una formula: nel CSV hanno un apostrofo davanti.</source>
        <translation>{n} texts start like a formula: in the CSV they get an apostrophe in front.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="234"/>
        <source>Testo per «Chiudi incontro»: {path}</source>
        <translation>Text for “Close meeting”: {path}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="238"/>
        <source>{what} scritta in:
{path}

{details}</source>
        <translation>{what} written to:
{path}

{details}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="242"/>
        <source>Apri &amp;cartella</source>
        <translation>Open &amp;folder</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/exports/exporter.py" line="243"/>
        <source>Apri la cartella del file esportato</source>
        <translation>Open the folder of the exported file</translation>
    </message>
</context>
<context>
    <name>HubControl</name>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/hub.py" line="59"/>
        <location filename="../../facilitator_app/ui/coordinator/hub.py" line="118"/>
        <source>&amp;Ricevi dai tavoli…</source>
        <translation>&amp;Receive from the tables…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/hub.py" line="60"/>
        <source>Ricevi i file dai portatili dei tavoli</source>
        <translation>Receive the files from the tables&apos; laptops</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/hub.py" line="83"/>
        <source>Scegliere prima il file unito: i file ricevuti vanno lì.</source>
        <translation>Choose the merged file first: the files received go there.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/hub.py" line="95"/>
        <source>Impossibile ricevere su {address}:{port} ({why}).</source>
        <translation>Cannot receive on {address}:{port} ({why}).</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/hub.py" line="101"/>
        <source>&amp;Smetti di ricevere</source>
        <translation>&amp;Stop receiving</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/hub.py" line="104"/>
        <source>Ricezione attiva. Sui portatili dei tavoli: File › Invia al coordinamento, indirizzo {address}, codice {code}</source>
        <translation>Receiving. On the tables&apos; laptops: File › Send to the coordinators, address {address}, code {code}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/hub.py" line="125"/>
        <source>Ricevi dai tavoli</source>
        <translation>Receive from the tables</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/hub.py" line="126"/>
        <source>Indirizzo di questo portatile nella rete della sede:</source>
        <translation>This laptop&apos;s address on the venue&apos;s network:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="96"/>
        <location filename="../../facilitator_app/ui/main_window.py" line="525"/>
        <source>Stato del salvataggio</source>
        <translation>Save status</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="101"/>
        <location filename="../../facilitator_app/ui/main_window.py" line="526"/>
        <source>Navigatore</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="298"/>
        <source>&amp;Post-it</source>
        <translation>&amp;Post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="299"/>
        <source>&amp;Cronometro</source>
        <translation>&amp;Timer</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="300"/>
        <source>&amp;Schede</source>
        <translation>&amp;Cards</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="157"/>
        <source>Apri evento</source>
        <translation>Open event</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="157"/>
        <source>Eventi (*.sqlite)</source>
        <translation>Events (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="247"/>
        <source>Riaperto dove eri: nulla è andato perso ({n} post-it salvati)</source>
        <translation>Reopened where you were: nothing was lost ({n} post-its saved)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="293"/>
        <source>Spazio di lavoro</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="301"/>
        <source>P&amp;resenze</source>
        <translation>Atte&amp;ndance</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="405"/>
        <source>Aprire un file evento modificabile</source>
        <translation>Open an editable event file</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="409"/>
        <source>Testi della restituzione</source>
        <translation>Report texts</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="417"/>
        <source>✔ Tutto salvato · {time}</source>
        <translation>✔ All saved · {time}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="427"/>
        <source>⚠ Non salvato</source>
        <translation>⚠ Not saved</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="512"/>
        <source>Traduzione non disponibile</source>
        <translation>Translation not available</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/main_window.py" line="371"/>
        <source>Nessun evento aperto</source>
        <translation>No event open</translation>
    </message>
</context>
<context>
    <name>ModerationQueue</name>
    <message>
        <location filename="../../facilitator_app/ui/room/queue.py" line="36"/>
        <source>Post-it in attesa di approvazione</source>
        <translation>Post-its waiting for approval</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/queue.py" line="37"/>
        <source>Ora</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/queue.py" line="37"/>
        <source>Testo</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/queue.py" line="42"/>
        <source>Invio: accetta · Canc: rifiuta · F2 o doppio clic: modifica, poi Invio</source>
        <translation>Enter: accept · Del: reject · F2 or double click: edit, then Enter</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../facilitator_app/ui/navigator.py" line="93"/>
        <source>Sedi, tavoli e sessioni</source>
        <translation>Venues, tables and sessions</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/navigator.py" line="109"/>
        <location filename="../../facilitator_app/ui/navigator.py" line="126"/>
        <source>Sessione {n}</source>
        <translation>Session {n}</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <location filename="../../forms/new_event.ui" line="9"/>
        <source>Nuovo evento</source>
        <translation>New event</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="15"/>
        <source>Scegli il formato e l&apos;edizione delle schede, poi titolo, data, sede e tavoli. Il file evento viene salvato subito e ogni modifica è registrata appena fatta.</source>
        <translation>Choose the format and the card edition, then title, date, venue and tables. The event file is saved at once and every change is recorded as soon as it is made.</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="26"/>
        <source>&amp;Formato</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="32"/>
        <source>Formato dell&apos;evento</source>
        <translation>Event format</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="37"/>
        <source>Sc&amp;hede</source>
        <translation>Car&amp;ds</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="43"/>
        <source>Edizione delle schede strategiche</source>
        <translation>Edition of the strategy cards</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="44"/>
        <source>Le schede del Piano Strategico Metropolitano da usare ai tavoli; un insieme completo si importa poi dal menu Schede.</source>
        <translation>The cards of the Metropolitan Strategic Plan to use at the tables; a complete set can then be imported from the Cards menu.</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="49"/>
        <source>&amp;Titolo</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="55"/>
        <source>Titolo dell&apos;evento</source>
        <translation>Event title</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="60"/>
        <source>&amp;Data</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="66"/>
        <source>Data dell&apos;evento</source>
        <translation>Event date</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="67"/>
        <source>dd/MM/yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="73"/>
        <source>&amp;Sede</source>
        <translation>&amp;Venue</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="79"/>
        <source>Sede</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="84"/>
        <source>T&amp;avoli</source>
        <translation>T&amp;ables</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="90"/>
        <source>Tavoli da includere</source>
        <translation>Tables to include</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="95"/>
        <source>&amp;Facilitatore</source>
        <translation>&amp;Facilitator</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="101"/>
        <source>Nome del facilitatore</source>
        <translation>Facilitator&apos;s name</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="106"/>
        <source>F&amp;ile</source>
        <translation>F&amp;ile</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="114"/>
        <source>File dell&apos;evento</source>
        <translation>Event file</translation>
    </message>
    <message>
        <location filename="../../forms/new_event.ui" line="119"/>
        <source>S&amp;cegli…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
</context>
<context>
    <name>NewEventWizard</name>
    <message>
        <location filename="../../facilitator_app/ui/wizard.py" line="140"/>
        <source>Tutte le sedi</source>
        <translation>All venues</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/wizard.py" line="168"/>
        <source>Salva l&apos;evento come</source>
        <translation>Save the event as</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/wizard.py" line="170"/>
        <source>Eventi (*.sqlite)</source>
        <translation>Events (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/wizard.py" line="202"/>
        <source>Scegli almeno un tavolo.</source>
        <translation>Choose at least one table.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/wizard.py" line="206"/>
        <source>Scegli il file dell&apos;evento.</source>
        <translation>Choose the event file.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../facilitator_app/ui/window_place.py" line="163"/>
        <location filename="../../facilitator_app/ui/window_place.py" line="164"/>
        <source>Chiudi l&apos;avviso</source>
        <translation>Dismiss the notice</translation>
    </message>
</context>
<context>
    <name>OpenRoomDialog</name>
    <message>
        <location filename="../../facilitator_app/ui/room/open_dialog.py" line="33"/>
        <source>Apri ai telefoni</source>
        <translation>Open to phones</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/open_dialog.py" line="37"/>
        <source>{where}
I partecipanti scrivono i post-it dal telefono, nella rete della sala (l&apos;hotspot di questo portatile o il Wi-Fi della sede): nessun collegamento a internet.</source>
        <translation>{where}
Participants write post-its from their phones, on the room&apos;s network (this laptop&apos;s hotspot or the venue&apos;s Wi-Fi): no internet connection.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/open_dialog.py" line="46"/>
        <source>Indirizzo su cui ascoltare</source>
        <translation>Address to listen on</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/open_dialog.py" line="49"/>
        <source>&amp;Indirizzo:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/open_dialog.py" line="51"/>
        <source>Porta</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/open_dialog.py" line="53"/>
        <source>una libera</source>
        <translation>any free one</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/open_dialog.py" line="55"/>
        <source>&amp;Porta:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/open_dialog.py" line="56"/>
        <source>&amp;Modera: i post-it attendono la mia approvazione</source>
        <translation>&amp;Moderate: post-its wait for my approval</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/open_dialog.py" line="62"/>
        <source>&amp;Apri ai telefoni</source>
        <translation>&amp;Open to phones</translation>
    </message>
</context>
<context>
    <name>PaperKit</name>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="51"/>
        <source>asse</source>
        <translation>axis</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="52"/>
        <source>strategia</source>
        <translation>strategy</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="53"/>
        <source>azione</source>
        <translation>action</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="89"/>
        <source>Kit cartaceo dei tavoli</source>
        <translation>Paper kit for the tables</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="92"/>
        <source>Il kit serve a un tavolo il cui computer non funziona: si lavora sulla carta e i dati si inseriscono dopo, senza perdere nulla.</source>
        <translation>The kit is for a table whose computer does not work: the table works on paper and the data are entered afterwards, without losing anything.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="97"/>
        <source>&lt;b&gt;Presenze.&lt;/b&gt; Per ogni sessione, una tacca per persona nella casella della sua zona omogenea e della sua categoria; a fine sessione scrivere i totali. Solo numeri, mai nomi.</source>
        <translation>&lt;b&gt;Attendance.&lt;/b&gt; For each session, one tick per person in the box of their homogeneous zone and of their category; at the end of the session write the totals. Numbers only, never names.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="103"/>
        <source>&lt;b&gt;Post-it.&lt;/b&gt; Una riga per post-it. Le colonne sono quelle del modello di importazione: tavolo, sessione, testo, tipo (lettera), asse, schede (codici, es. 2.1.3), zone (numeri), collegamenti (altri assi), tema, voti.</source>
        <translation>&lt;b&gt;Post-its.&lt;/b&gt; One row per post-it. The columns are those of the import template: table, session, text, kind (letter), axis, cards (codes, e.g. 2.1.3), zones (numbers), links (other axes), theme, votes.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="109"/>
        <source>&lt;b&gt;Dopo.&lt;/b&gt; Copiare le righe nel modello di importazione (&lt;i&gt;facilitator-app import-contributions EVENTO --template modello.xlsx&lt;/i&gt;), una riga del foglio per riga del modello, poi importarlo con &lt;i&gt;facilitator-app import-contributions EVENTO modello.xlsx&lt;/i&gt;.</source>
        <translation>&lt;b&gt;Afterwards.&lt;/b&gt; Copy the rows into the import template (&lt;i&gt;facilitator-app import-contributions EVENT --template template.xlsx&lt;/i&gt;), one row of the sheet per row of the template, then import it with &lt;i&gt;facilitator-app import-contributions EVENT template.xlsx&lt;/i&gt;.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="122"/>
        <source>Tavolo</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="123"/>
        <source>Chiave</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="124"/>
        <source>Sede</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="125"/>
        <source>Asse / zone</source>
        <translation>Axis / zones</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="157"/>
        <source>Asse {axis}</source>
        <translation>Axis {axis}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="160"/>
        <source>Zone {zones}</source>
        <translation>Zones {zones}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="208"/>
        <source>tavolo {key}</source>
        <translation>table {key}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="222"/>
        <source>Presenze, sessione {session}</source>
        <translation>Attendance, session {session}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="223"/>
        <source>{key}: presenze S{session}</source>
        <translation>{key}: attendance S{session}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="229"/>
        <source>Una tacca per persona (zona omogenea di provenienza × categoria). Solo numeri, mai nomi.</source>
        <translation>One tick per person (homogeneous zone they come from × category). Numbers only, never names.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="239"/>
        <source>Zona omogenea</source>
        <translation>Homogeneous zone</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="241"/>
        <source>Totale zona</source>
        <translation>Zone total</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="246"/>
        <source>Totale categoria</source>
        <translation>Category total</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="254"/>
        <source>Presenti in totale: ________    Ora del conteggio: ________    Facilitatore: ______________________</source>
        <translation>Present in total: ________    Time of the count: ________    Facilitator: ______________________</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="274"/>
        <source>Post-it, sessione {session} (foglio {page} di {pages})</source>
        <translation>Post-its, session {session} (sheet {page} of {pages})</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="275"/>
        <source>{key}: post-it S{session}/{page}</source>
        <translation>{key}: post-its S{session}/{page}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="283"/>
        <source>Domanda:</source>
        <translation>Question:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="288"/>
        <source>Tipo:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="308"/>
        <source>Zone:</source>
        <translation>Zones:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="317"/>
        <source>Promemoria schede</source>
        <translation>Card reminder</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="318"/>
        <source>{key}: schede</source>
        <translation>{key}: cards</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="329"/>
        <source>Nessuna scheda nell&apos;evento.</source>
        <translation>No cards in the event.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="332"/>
        <source>Schede del PSM {edition}: nella colonna «schede» scrivere i codici (es. 2.1 o 2.1.3), separati da punto e virgola.</source>
        <translation>Cards of the PSM {edition}: in the “cards” column write the codes (e.g. 2.1 or 2.1.3), separated by semicolons.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="342"/>
        <source>Codice</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="343"/>
        <source>Livello</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="344"/>
        <source>Titolo</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="386"/>
        <source>preparazione</source>
        <translation>preparing</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="393"/>
        <source>Kit cartaceo — {title}</source>
        <translation>Paper kit — {title}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="394"/>
        <source>Fogli presenze e post-it per i tavoli</source>
        <translation>Attendance and post-it sheets for the tables</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="399"/>
        <source>{title} — {date} — kit cartaceo</source>
        <translation>{title} — {date} — paper kit</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="402"/>
        <source>Pagina {number} di {total}</source>
        <translation>Page {number} of {total}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/paper_kit.py" line="404"/>
        <source>fatto</source>
        <translation>done</translation>
    </message>
</context>
<context>
    <name>Plenary</name>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="154"/>
        <source>(segue)</source>
        <translation>(continued)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="229"/>
        <source>Piano Strategico Metropolitano · Città metropolitana di Torino</source>
        <translation>Metropolitan Strategic Plan · Metropolitan City of Turin</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="250"/>
        <source>{n} in presenza</source>
        <translation>{n} in the room</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="252"/>
        <source>{n} collegati online</source>
        <translation>{n} online</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="255"/>
        <source>{n} persone ai tavoli</source>
        <translation>{n} people at the tables</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="259"/>
        <source>{venue}: {people} persone, {posts} post-it</source>
        <translation>{venue}: {people} people, {posts} post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="260"/>
        <source>n.d.</source>
        <translation>n/a</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="286"/>
        <source>Partecipazione: persone per tavolo</source>
        <translation>Participation: people per table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="304"/>
        <source>Partecipazione: post-it per tavolo</source>
        <translation>Participation: post-its per table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="306"/>
        <source>Presenze non ancora registrate.</source>
        <translation>Attendance not recorded yet.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="317"/>
        <source>Partecipazione</source>
        <translation>Participation</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="328"/>
        <source>Persone per sede</source>
        <translation>People per venue</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="344"/>
        <source>Partecipanti per zona di provenienza</source>
        <translation>Participants by home zone</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="355"/>
        <source>Persone per zona omogenea</source>
        <translation>People per homogeneous zone</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="368"/>
        <source>Zona {n}</source>
        <translation>Zone {n}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="382"/>
        <source>Temi trasversali</source>
        <translation>Cross-cutting themes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="384"/>
        <source>Dal testo dei temi trasversali dell&apos;evento.</source>
        <translation>From the event&apos;s cross-cutting themes text.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="399"/>
        <source>Proposta automatica dai contenuti dei tavoli: verificare prima di presentare.</source>
        <translation>Suggested automatically from the tables&apos; contents: check before presenting.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="404"/>
        <source>Temi emersi in più tavoli</source>
        <translation>Themes raised at several tables</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/build.py" line="417"/>
        <source>Grazie per la partecipazione</source>
        <translation>Thank you for taking part</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/slides_pdf.py" line="144"/>
        <source>Restituzione in plenaria · {date}</source>
        <translation>Plenary report-back · {date}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/table_slides.py" line="95"/>
        <source>Tavolo</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/table_slides.py" line="97"/>
        <source>Restituzione: {minutes} minuti per tavolo.</source>
        <translation>Report-back: {minutes} minutes per table.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/table_slides.py" line="103"/>
        <source>Facilitazione: {name}.</source>
        <translation>Facilitator: {name}.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/table_slides.py" line="107"/>
        <source>Presenze: {count}.</source>
        <translation>Attendance: {count}.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/table_slides.py" line="121"/>
        <source>Sessione {number}: nessun contributo registrato</source>
        <translation>Session {number}: no contributions recorded</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/table_slides.py" line="158"/>
        <source>{table} · Sessione {number}</source>
        <translation>{table} · Session {number}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/table_slides.py" line="183"/>
        <source>{posts}, non ancora raggruppati in temi</source>
        <translation>{posts}, not yet grouped into themes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/table_slides.py" line="193"/>
        <source>Altri temi: {themes}</source>
        <translation>Other themes: {themes}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/table_slides.py" line="196"/>
        <source>{posts} senza tema.</source>
        <translation>{posts} without a theme.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/table_slides.py" line="218"/>
        <source>{table} · Sessione {number}: dal tavolo</source>
        <translation>{table} · Session {number}: from the table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/table_slides.py" line="234"/>
        <source>Altri post-it:</source>
        <translation>Other post-its:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/wording.py" line="19"/>
        <source>{n} tavolo</source>
        <extracomment>(one, many) templates of the nouns the deck counts, by Italian noun.</extracomment>
        <translation>{n} table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/wording.py" line="20"/>
        <source>{n} tavoli</source>
        <translation>{n} tables</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/wording.py" line="23"/>
        <source>{n} post-it</source>
        <translation>{n} post-it</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/wording.py" line="24"/>
        <source>{n} post-it (plurale)</source>
        <translation>{n} post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/wording.py" line="26"/>
        <source>{n} tema</source>
        <translation>{n} theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/wording.py" line="26"/>
        <source>{n} temi</source>
        <translation>{n} themes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/wording.py" line="27"/>
        <source>{n} sede</source>
        <translation>{n} venue</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/wording.py" line="27"/>
        <source>{n} sedi</source>
        <translation>{n} venues</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/wording.py" line="29"/>
        <source>{n} persona</source>
        <translation>{n} person</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/wording.py" line="30"/>
        <source>{n} persone</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/wording.py" line="32"/>
        <source>{n} voto</source>
        <translation>{n} vote</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/wording.py" line="32"/>
        <source>{n} voti</source>
        <translation>{n} votes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/card_slides.py" line="44"/>
        <source>nessun voto</source>
        <translation>no votes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/card_slides.py" line="78"/>
        <source>{table} · Sessione {number}: schede in gioco</source>
        <translation>{table} · Session {number}: cards in play</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/card_slides.py" line="82"/>
        <source>{table}: schede in gioco</source>
        <translation>{table}: cards in play</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/card_slides.py" line="87"/>
        <source>Sessione {number}</source>
        <translation>Session {number}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/card_slides.py" line="89"/>
        <source>Tutta la giornata</source>
        <translation>Whole day</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/card_slides.py" line="103"/>
        <source>Altre schede in gioco: {n}</source>
        <translation>Other cards in play: {n}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/plenary/card_slides.py" line="123"/>
        <source>Schede citate nei post-it: {cards}</source>
        <translation>Cards cited on the post-its: {cards}</translation>
    </message>
</context>
<context>
    <name>PostItEdits</name>
    <message>
        <location filename="../../facilitator_app/ui/board/edits.py" line="76"/>
        <source>Post-it salvato</source>
        <translation>Post-it saved</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/edits.py" line="89"/>
        <source>Aggiungi post-it</source>
        <translation>Add post-it</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/edits.py" line="102"/>
        <source>Modifica post-it</source>
        <translation>Edit post-it</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/edits.py" line="112"/>
        <source>Tipo {kind}</source>
        <translation>Kind {kind}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/edits.py" line="122"/>
        <source>Collegamento all&apos;asse {n}</source>
        <translation>Link to axis {n}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/edits.py" line="132"/>
        <source>Scheda {code}</source>
        <translation>Card {code}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/edits.py" line="140"/>
        <source>Zona {n}</source>
        <translation>Zone {n}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/edits.py" line="160"/>
        <source>Voto</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/edits.py" line="160"/>
        <source>Togli voto</source>
        <translation>Remove vote</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/edits.py" line="169"/>
        <source>Elimina post-it</source>
        <translation>Delete post-it</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/edits.py" line="180"/>
        <source>Sposta nel tema</source>
        <translation>Move to theme</translation>
    </message>
</context>
<context>
    <name>PostItModel</name>
    <message>
        <location filename="../../facilitator_app/ui/board/model.py" line="199"/>
        <source>{text}
(scritto dal telefono)</source>
        <translation>{text}
(written on a phone)</translation>
    </message>
</context>
<context>
    <name>PrepareDialog</name>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="59"/>
        <source>Prepara i file per sedi / tavoli — {app}</source>
        <translation>Prepare files for venues / tables — {app}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="61"/>
        <source>Preparazione dei file per sedi e tavoli</source>
        <translation>Preparing files for venues and tables</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="77"/>
        <source>Ogni file contiene l&apos;evento, le schede e i tavoli scelti, senza contributi: da aprire sul computer della sede o del tavolo e poi da riunire.</source>
        <translation>Each file holds the event, the cards and the chosen tables, without contributions: open it on the venue&apos;s or table&apos;s computer, then merge it back.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="85"/>
        <source>Un file per &amp;sede</source>
        <translation>One file per &amp;venue</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="86"/>
        <source>Un file per &amp;tavolo</source>
        <translation>One file per &amp;table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="96"/>
        <source>Sedi o tavoli per cui preparare un file</source>
        <translation>Venues or tables to prepare a file for</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="101"/>
        <source>Cartella:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="104"/>
        <source>scegli dove scrivere i file</source>
        <translation>choose where to write the files</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="105"/>
        <source>Cartella dei file da preparare</source>
        <translation>Folder for the files to prepare</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="109"/>
        <source>Scegli la &amp;cartella…</source>
        <translation>Choose the &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="111"/>
        <source>Scegli la cartella dei file da preparare</source>
        <translation>Choose the folder for the files to prepare</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="122"/>
        <source>&amp;Prepara i file</source>
        <translation>&amp;Prepare the files</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="124"/>
        <source>Prepara i file scelti nella cartella</source>
        <translation>Prepare the chosen files in the folder</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="127"/>
        <source>C&amp;hiudi</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="127"/>
        <source>Chiudi</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="140"/>
        <source>{venue} ({n} tavoli)</source>
        <translation>{venue} ({n} tables)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="154"/>
        <source>File: {name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="171"/>
        <source>Cartella dei file</source>
        <translation>Folder for the files</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="199"/>
        <source>Preparazione dei file</source>
        <translation>Preparing the files</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="205"/>
        <source>File non preparati:
{why}</source>
        <translation>Files not prepared:
{why}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="210"/>
        <source>{file}: {tables}</source>
        <translation>{file}: {tables}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/prepare.py" line="216"/>
        <source>Preparati {n} file in {folder}:</source>
        <translation>Prepared {n} files in {folder}:</translation>
    </message>
</context>
<context>
    <name>PresentationSession</name>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="425"/>
        <source>Aprire prima un evento da presentare.</source>
        <translation>Open an event to present first.</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="199"/>
        <source>Presentazione — vista del relatore</source>
        <translation>Presentation — presenter view</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="200"/>
        <source>Tempo della restituzione</source>
        <translation>Report-back time</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="201"/>
        <source>Note per il relatore</source>
        <translation>Speaker notes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="202"/>
        <source>Diapositive (spuntate: mostrate)</source>
        <translation>Slides (ticked: shown)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="203"/>
        <source>Post-it da fissare</source>
        <translation>Post-its to pin</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="204"/>
        <source> min per tavolo</source>
        <translation> min per table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="208"/>
        <source>◀ Precedente</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="209"/>
        <source>Successiva ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="210"/>
        <source>Schermo nero (B)</source>
        <translation>Black screen (B)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="211"/>
        <source>Azzera il tempo</source>
        <translation>Reset the time</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="212"/>
        <source>Termina (Esc)</source>
        <translation>End (Esc)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="221"/>
        <source>Successiva</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="222"/>
        <source>Note</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="223"/>
        <source>Diapositive (togliere la spunta per nascondere)</source>
        <translation>Slides (untick to hide)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="224"/>
        <source>Post-it della sessione (spuntare per fissarli)</source>
        <translation>Post-its of the session (tick to pin)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="248"/>
        <source>Evento</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="249"/>
        <source>In corso: {table}</source>
        <translation>Now: {table}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/presentation/windows.py" line="252"/>
        <source>File in sola lettura: le scelte valgono solo per questa presentazione.</source>
        <translation>Read-only file: these choices last for this presentation only.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../facilitator_app/ui/progress.py" line="48"/>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProposalColumn</name>
    <message>
        <location filename="../../facilitator_app/ui/board/columns.py" line="270"/>
        <source>Titolo proposto</source>
        <translation>Proposed title</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/columns.py" line="275"/>
        <source>Accetta</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/columns.py" line="276"/>
        <source>Crea il tema e vi sposta i post-it (Ctrl+Invio; Ctrl+Z annulla)</source>
        <translation>Creates the theme and moves the post-its into it (Ctrl+Enter; Ctrl+Z undoes)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/columns.py" line="280"/>
        <source>Rinomina</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/columns.py" line="280"/>
        <source>Modifica il titolo proposto</source>
        <translation>Edit the proposed title</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/columns.py" line="283"/>
        <source>Dividi</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/columns.py" line="284"/>
        <source>Divide la proposta in due</source>
        <translation>Splits the proposal in two</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/columns.py" line="288"/>
        <source>Unisci a…</source>
        <translation>Merge with…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/columns.py" line="288"/>
        <source>Unisce a un&apos;altra proposta</source>
        <translation>Merges with another proposal</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/columns.py" line="294"/>
        <source>Ignora</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/columns.py" line="295"/>
        <source>Toglie la proposta (nulla viene scritto)</source>
        <translation>Removes the proposal (nothing is written)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/columns.py" line="320"/>
        <source>{n} post-it</source>
        <translation>{n} post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/columns.py" line="335"/>
        <source>Parole chiave: {words}</source>
        <translation>Keywords: {words}</translation>
    </message>
</context>
<context>
    <name>ProposalSteps</name>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/steps.py" line="69"/>
        <source>Accetta tema «{title}»</source>
        <translation>Accept theme “{title}”</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/steps.py" line="72"/>
        <source>Tema «{title}» creato</source>
        <translation>Theme “{title}” created</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/steps.py" line="98"/>
        <source>Salvato</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>Proposals</name>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/levels.py" line="36"/>
        <source>Proposta · confidenza alta</source>
        <translation>Proposal · high confidence</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/levels.py" line="38"/>
        <source>Proposta · confidenza media</source>
        <translation>Proposal · medium confidence</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/levels.py" line="40"/>
        <source>Proposta · confidenza bassa</source>
        <translation>Proposal · low confidence</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/levels.py" line="41"/>
        <source>Proposta</source>
        <translation>Proposal</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="71"/>
        <source>Città metropolitana di Torino</source>
        <translation>Metropolitan City of Turin</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="73"/>
        <source>Piano Strategico Metropolitano {edition}</source>
        <translation>Metropolitan Strategic Plan {edition}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="79"/>
        <source>Restituzione del tavolo: {names}</source>
        <translation>Report of the table: {names}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="82"/>
        <source>Restituzione dei tavoli di lavoro</source>
        <translation>Report of the working tables</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="89"/>
        <source>Documento generato il {date} con facilitator_app {version}.</source>
        <translation>Document generated on {date} with facilitator_app {version}.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="95"/>
        <source>PREMESSA</source>
        <translation>INTRODUCTION</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="98"/>
        <source>La premessa non è stata ancora scritta.</source>
        <translation>The introduction has not been written yet.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="107"/>
        <source>OBIETTIVI E STRUTTURA DELL&apos;EVENTO</source>
        <translation>AIMS AND STRUCTURE OF THE EVENT</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="111"/>
        <source>L&apos;incontro è stato organizzato in {count} tavoli di lavoro ({kind}), svolti simultaneamente e in presenza:</source>
        <translation>The meeting was organised in {count} working tables ({kind}), held at the same time and in person:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="117"/>
        <source>L&apos;incontro è stato organizzato in {count} tavolo di lavoro ({kind}), svolti simultaneamente e in presenza:</source>
        <translation>The meeting was organised in {count} working table ({kind}), held in person:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="128"/>
        <source>zone {zones}</source>
        <translation>zones {zones}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="130"/>
        <source>facilitato da {name}</source>
        <translation>facilitated by {name}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="137"/>
        <source>Ciascun tavolo ha previsto due sessioni di discussione facilitate:</source>
        <translation>Each table held two facilitated discussion sessions:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="142"/>
        <source>SESSIONE {number}.</source>
        <translation>SESSION {number}.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="147"/>
        <source>hanno preso parte in totale {people} persone in presenza</source>
        <translation>{people} people took part in person in total</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="152"/>
        <source>collegate online per ascoltare le plenarie sono state registrate {people} persone</source>
        <translation>{people} people were recorded online following the plenary sessions</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="158"/>
        <source>All&apos;incontro {figures}.</source>
        <translation>At the meeting {figures}.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="165"/>
        <source>PROGRAMMA DELLA GIORNATA</source>
        <translation>PROGRAMME OF THE DAY</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="169"/>
        <source>Orario</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="170"/>
        <source>Attività</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="171"/>
        <source>Orario effettivo</source>
        <translation>Actual time</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="182"/>
        <source>Il programma della giornata non è stato inserito.</source>
        <translation>The programme of the day has not been entered.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="185"/>
        <source>Orari delle sessioni ai tavoli</source>
        <translation>Times of the sessions at the tables</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="188"/>
        <source>Gli orari effettivi delle sessioni non sono stati registrati.</source>
        <translation>The actual times of the sessions were not recorded.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="193"/>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="263"/>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="286"/>
        <source>Tavolo</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="194"/>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="287"/>
        <source>Sessione</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="195"/>
        <source>Prevista</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="196"/>
        <source>Effettiva</source>
        <translation>Actual</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="197"/>
        <source>Durata</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="213"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="224"/>
        <source>PARTECIPAZIONE</source>
        <translation>PARTICIPATION</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="229"/>
        <source>{people} persone in presenza</source>
        <translation>{people} people in person</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="232"/>
        <source>{people} collegate online alle plenarie</source>
        <translation>{people} online for the plenary sessions</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="235"/>
        <source> e </source>
        <translation> and </translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="237"/>
        <source>Partecipanti all&apos;evento: {totals}.</source>
        <translation>Participants in the event: {totals}.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="241"/>
        <source>Regola di conteggio: le persone online sono la somma delle cifre delle sedi; quelle in presenza, il totale dell&apos;evento.</source>
        <translation>Counting rule: the people online are the sum of the venues&apos; figures; the people in person, the event&apos;s total.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="252"/>
        <source>Hanno partecipato alla discussione ai tavoli {people} persone, così suddivise: {split}.</source>
        <translation>{people} people took part in the discussion at the tables, divided as follows: {split}.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="260"/>
        <source>Le presenze ai tavoli non sono state registrate.</source>
        <translation>Attendance at the tables was not recorded.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="264"/>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="288"/>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="356"/>
        <source>Persone</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="265"/>
        <location filename="../../facilitator_app/services/reports/word_report.py" line="76"/>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="280"/>
        <source>Persone per tavolo</source>
        <translation>People per table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="283"/>
        <source>Presenze per sessione</source>
        <translation>Attendance per session</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="296"/>
        <source>Persone per zona omogenea</source>
        <translation>People per homogeneous zone</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="299"/>
        <source>La ripartizione per zona omogenea non è stata rilevata.</source>
        <translation>The breakdown by homogeneous zone was not recorded.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="309"/>
        <source>Persone per categoria</source>
        <translation>People per category</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="312"/>
        <source>La ripartizione per categoria di attori non è stata rilevata.</source>
        <translation>The breakdown by category of stakeholders was not recorded.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="324"/>
        <source>Assi nei contributi dei tavoli per zona (dai tag di asse e di scheda)</source>
        <translation>Axes in the contributions of the zone tables (from the axis and card tags)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="331"/>
        <source>Asse</source>
        <translation>Axis</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="332"/>
        <source>Contributi</source>
        <translation>Contributions</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="333"/>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="468"/>
        <source>Voti</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="339"/>
        <source>Un contributo conta per l&apos;asse del suo tag (#a3) e per gli assi delle schede citate, una volta per asse.</source>
        <translation>A contribution counts for the axis of its tag (#a3) and for the axes of the cards it cites, once per axis.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="356"/>
        <source>Voce</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="361"/>
        <source>Ripartite {tallied} persone su {present} presenti.</source>
        <translation>{tallied} people broken down out of {present} present.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="364"/>
        <source>Altre {people} persone ripartite in conteggi senza il numero dei presenti.</source>
        <translation>{people} more people broken down in counts without the number of people present.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="374"/>
        <source>Temi trasversali agli assi</source>
        <translation>Themes across the axes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="377"/>
        <source>I temi trasversali non sono stati ancora scritti.</source>
        <translation>The cross-cutting themes have not been written yet.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="392"/>
        <source>RESTITUZIONE DEI TEMI EMERSI</source>
        <translation>THE THEMES THAT EMERGED</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="407"/>
        <source>Sede: {venue}</source>
        <translation>Venue: {venue}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="413"/>
        <source>Asse {code} del PSM {edition}: {title}</source>
        <translation>Axis {code} of the PSM {edition}: {title}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="419"/>
        <source>Zone omogenee: {zones}</source>
        <translation>Homogeneous zones: {zones}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="432"/>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="540"/>
        <source>Sessione {number}</source>
        <translation>Session {number}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="440"/>
        <source>Nessun contributo registrato in questa sessione.</source>
        <translation>No contribution recorded in this session.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="445"/>
        <source>Altri contributi</source>
        <translation>Other contributions</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="459"/>
        <source>Nessuna scheda in gioco.</source>
        <translation>No card in play.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="461"/>
        <source>Schede in gioco</source>
        <translation>Cards in play</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="465"/>
        <source>Posto</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="466"/>
        <source>Scheda</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="467"/>
        <source>Titolo</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="484"/>
        <source>Regola di conteggio: un voto vale per quella scheda, non per la sua strategia o il suo asse; a pari voti, pari posto.</source>
        <translation>Counting rule: a vote counts for that card, not for its strategy or axis; equal votes share a place.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="506"/>
        <source>Schede collegate: {cards}</source>
        <translation>Linked cards: {cards}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="510"/>
        <source>CONCLUSIONI</source>
        <translation>CONCLUSIONS</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="513"/>
        <source>Le conclusioni non sono state ancora scritte.</source>
        <translation>The conclusions have not been written yet.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="521"/>
        <source>APPENDICE – ELENCO DEI CONTRIBUTI</source>
        <translation>APPENDIX – LIST OF CONTRIBUTIONS</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="522"/>
        <source>Tutti i {count} contributi registrati ai tavoli, nell&apos;ordine della lavagna, con tipo, tema, schede, zone e voti.</source>
        <translation>All the {count} contributions recorded at the tables, in board order, with kind, theme, cards, zones and votes.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="529"/>
        <source>Regola di conteggio: contano i post-it sulla lavagna; quelli eliminati restano nel file per l&apos;unione, ma non sono contati né mostrati.</source>
        <translation>Counting rule: the post-its on the board count; deleted ones stay in the file for the merge, but are neither counted nor shown.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="541"/>
        <source>Sessione {number} ({count} contributi)</source>
        <translation>Session {number} ({count} contributions)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="544"/>
        <source>Nessun contributo.</source>
        <translation>No contributions.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/report_story.py" line="106"/>
        <source>Asse {axis}</source>
        <extracomment>The translation context of the restituzione&apos;s texts.</extracomment>
        <translation>Axis {axis}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/report_story.py" line="121"/>
        <source>Tema: {theme}</source>
        <translation>Theme: {theme}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/report_story.py" line="124"/>
        <source>Schede: {cards}</source>
        <translation>Cards: {cards}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/report_story.py" line="127"/>
        <source>Zone: {zones}</source>
        <translation>Zones: {zones}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/report_story.py" line="130"/>
        <source>Collegamenti: {links}</source>
        <translation>Links: {links}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/report_story.py" line="132"/>
        <source>Voti: {votes}</source>
        <translation>Votes: {votes}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/report_story.py" line="147"/>
        <source>{label}, {count} tavoli</source>
        <translation>{label}, {count} tables</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/report_story.py" line="155"/>
        <source>Persone al tavolo: non rilevate</source>
        <translation>People at the table: not recorded</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/report_story.py" line="157"/>
        <source>Persone al tavolo: {people}</source>
        <translation>People at the table: {people}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/report_story.py" line="168"/>
        <source>conteggio comune a {count} tavoli</source>
        <translation>count shared by {count} tables</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/chapters.py" line="51"/>
        <source>preparazione</source>
        <translation>preparing</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/restituzione.py" line="74"/>
        <source>impaginazione</source>
        <translation>laying out</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/restituzione.py" line="83"/>
        <location filename="../../facilitator_app/services/reports/word_report.py" line="80"/>
        <source>Restituzione</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/restituzione.py" line="86"/>
        <location filename="../../facilitator_app/services/reports/word_report.py" line="83"/>
        <source>Restituzione del tavolo {keys}</source>
        <translation>Report of the table {keys}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/restituzione.py" line="97"/>
        <location filename="../../facilitator_app/services/reports/word_report.py" line="86"/>
        <source>Pagina {number} di {total}</source>
        <translation>Page {number} of {total}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/restituzione.py" line="99"/>
        <location filename="../../facilitator_app/services/reports/word_report.py" line="97"/>
        <source>fatto</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/word_report.py" line="94"/>
        <source>salvataggio</source>
        <translation>saving</translation>
    </message>
</context>
<context>
    <name>ReportTextsDialog</name>
    <message>
        <location filename="../../facilitator_app/ui/report_texts.py" line="34"/>
        <source>Testi della restituzione</source>
        <translation>Report texts</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/report_texts.py" line="40"/>
        <source>Premessa</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/report_texts.py" line="41"/>
        <source>Temi trasversali agli assi (titoli in MAIUSCOLO)</source>
        <translation>Cross-cutting themes (titles in CAPITALS)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/report_texts.py" line="42"/>
        <source>Conclusioni</source>
        <translation>Conclusions</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/report_texts.py" line="53"/>
        <source>Bozza dei temi trasversali dai post-it di tutti i tavoli</source>
        <translation>Draft the cross-cutting themes from every table&apos;s post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/report_texts.py" line="55"/>
        <source>Bozza dei temi trasversali</source>
        <translation>Draft the cross-cutting themes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/report_texts.py" line="73"/>
        <source>Nessun tema ricorre in più tavoli.</source>
        <translation>No theme recurs at several tables.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/report_texts.py" line="78"/>
        <source>Bozza inserita: rivederla prima di salvare.</source>
        <translation>Draft inserted: review it before saving.</translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="70"/>
        <source>Aperto ai telefoni: {where}</source>
        <translation>Open to phones: {where}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="103"/>
        <source>Codice QR per i telefoni</source>
        <translation>QR code for the phones</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="106"/>
        <source>Indirizzo per i telefoni</source>
        <translation>Address for the phones</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="110"/>
        <source>Oppure aprire {address} e scrivere il codice {code}</source>
        <translation>Or open {address} and type the code {code}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="122"/>
        <source>Modera i post-it in arrivo</source>
        <translation>Moderate incoming post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="130"/>
        <source>Punti per telefono</source>
        <translation>Dots per phone</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="146"/>
        <source>Stampa il cartello del tavolo…</source>
        <translation>Print the table card…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="149"/>
        <source>Chiudi ai telefoni</source>
        <translation>Close to phones</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="178"/>
        <source>&amp;In attesa di approvazione: {n}</source>
        <translation>&amp;Waiting for approval: {n}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="191"/>
        <source>Telefoni collegati: {n}</source>
        <translation>Phones connected: {n}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="197"/>
        <source>Chiudi il voto</source>
        <translation>Close voting</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="199"/>
        <source>Apri il voto ({n} punti)</source>
        <translation>Open voting ({n} dots)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="224"/>
        <source>Post-it accettato</source>
        <translation>Post-it accepted</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="231"/>
        <location filename="../../facilitator_app/ui/room/panel.py" line="235"/>
        <source>Salvato</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="238"/>
        <source>Accetta post-it dal telefono</source>
        <translation>Accept post-it from a phone</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="244"/>
        <source>Post-it rifiutato</source>
        <translation>Post-it rejected</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="49"/>
        <source>Invia al coordinamento</source>
        <translation>Send to the coordinators</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="53"/>
        <source>Il coordinamento mostra indirizzo e codice in «Ricevi dai tavoli». Il file viene unito al suo file unito appena arriva.</source>
        <translation>The coordinators show the address and code in “Receive from the tables”. The file is merged into their merged file as soon as it arrives.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="61"/>
        <source>Indirizzo del coordinamento</source>
        <translation>Coordinators&apos; address</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="63"/>
        <source>&amp;Indirizzo:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="65"/>
        <source>Codice del coordinamento</source>
        <translation>Coordinators&apos; code</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="67"/>
        <source>&amp;Codice:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="69"/>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="89"/>
        <source>File da inviare</source>
        <translation>File to send</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="70"/>
        <source>&amp;Sfoglia…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="75"/>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="80"/>
        <source>&amp;Invia</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="91"/>
        <source>File evento o cartelle di lavoro (*.sqlite *.xlsx)</source>
        <translation>Event files or workbooks (*.sqlite *.xlsx)</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="89"/>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="122"/>
        <source>Temi suggeriti</source>
        <translation>Suggested themes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="127"/>
        <source>Chiudi i suggerimenti</source>
        <translation>Close the suggestions</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="128"/>
        <source>Chiudi i suggerimenti (nulla viene scritto)</source>
        <translation>Close the suggestions (nothing is written)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="132"/>
        <source>Solo i post-it senza &amp;tema</source>
        <translation>Only post-its without a &amp;theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="133"/>
        <source>Suggerisci solo per i post-it senza tema</source>
        <translation>Suggest only for post-its without a theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="138"/>
        <source>Gruppi suggeriti e i loro post-it</source>
        <translation>Suggested groups and their post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="140"/>
        <source>Gruppo / post-it</source>
        <translation>Group / post-it</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="140"/>
        <source>N.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="140"/>
        <source>Parole chiave</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="162"/>
        <source>&amp;Accetta</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="162"/>
        <source>Accetta il gruppo come tema</source>
        <translation>Accept the group as a theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="165"/>
        <source>Crea il tema e vi sposta i post-it (Ctrl+Invio; Ctrl+Z annulla)</source>
        <translation>Creates the theme and moves the post-its into it (Ctrl+Enter; Ctrl+Z undoes)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="168"/>
        <source>Ri&amp;nomina</source>
        <translation>Re&amp;name</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="168"/>
        <source>Rinomina il gruppo</source>
        <translation>Rename the group</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="170"/>
        <source>Modifica il titolo suggerito (F2)</source>
        <translation>Edit the suggested title (F2)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="172"/>
        <source>&amp;Unisci</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="172"/>
        <source>Unisci i gruppi scelti</source>
        <translation>Merge the selected groups</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="174"/>
        <source>Unisce due o più gruppi scelti con Ctrl+clic</source>
        <translation>Merges two or more groups selected with Ctrl+click</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="176"/>
        <source>&amp;Dividi</source>
        <translation>&amp;Split</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="176"/>
        <source>Dividi il gruppo in due</source>
        <translation>Split the group in two</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="179"/>
        <source>&amp;Ignora</source>
        <translation>&amp;Ignore</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="179"/>
        <source>Ignora il gruppo</source>
        <translation>Ignore the group</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="181"/>
        <source>Toglie il suggerimento dall&apos;elenco (Canc)</source>
        <translation>Removes the suggestion from the list (Del)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="238"/>
        <source>Preparo i suggerimenti…</source>
        <translation>Preparing the suggestions…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="293"/>
        <source>{n} post-it</source>
        <translation>{n} post-its</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="297"/>
        <source>Coesione {score:.2f} · F2 per rinominare</source>
        <translation>Cohesion {score:.2f} · F2 to rename</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="314"/>
        <source>Ora nel tema: {title}</source>
        <translation>Now in the theme: {title}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="329"/>
        <source>Nessun post-it da raggruppare in questa sessione.</source>
        <translation>No post-its to group in this session.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="331"/>
        <source>Nessun gruppo suggerito: i post-it non si somigliano abbastanza.</source>
        <translation>No group suggested: the post-its are not similar enough.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="333"/>
        <source>{groups} gruppi suggeriti · {loose} post-it non raggruppati</source>
        <translation>{groups} suggested groups · {loose} post-its not grouped</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="395"/>
        <source>Il titolo non può essere vuoto.</source>
        <translation>The title cannot be empty.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="397"/>
        <source>Rinomina proposta</source>
        <translation>Rename proposal</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="411"/>
        <source>Scegli almeno due gruppi da unire (Ctrl+clic).</source>
        <translation>Select at least two groups to merge (Ctrl+click).</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="413"/>
        <source>Unisci proposte</source>
        <translation>Merge proposals</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="423"/>
        <source>Dividi proposta</source>
        <translation>Split proposal</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="431"/>
        <location filename="../../facilitator_app/ui/suggestions/panel.py" line="457"/>
        <source>Ignora proposta</source>
        <translation>Ignore proposal</translation>
    </message>
</context>
<context>
    <name>TableCard</name>
    <message>
        <location filename="../../facilitator_app/services/room/table_card.py" line="25"/>
        <source>Scrivi i tuoi post-it dal telefono</source>
        <translation>Write your post-its from your phone</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/room/table_card.py" line="26"/>
        <source>Inquadra il codice QR con la fotocamera</source>
        <translation>Scan the QR code with your phone&apos;s camera</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/room/table_card.py" line="27"/>
        <source>oppure apri {address} e scrivi il codice</source>
        <translation>or open {address} and type the code</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/room/table_card.py" line="28"/>
        <source>Collegati alla rete della sala: non serve internet. Bastano anche carta e penna.</source>
        <translation>Join the room&apos;s network: no internet needed. Pen and paper work too.</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <location filename="../../facilitator_app/cli/core.py" line="108"/>
        <source>del modello</source>
        <translation>of the template</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/rules.py" line="15"/>
        <location filename="../../facilitator_app/domain/validation.py" line="118"/>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="36"/>
        <source>testo</source>
        <translation>text</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="79"/>
        <source>numero intero</source>
        <translation>whole number</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="136"/>
        <source>identificativo</source>
        <translation>identifier</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="181"/>
        <source>data e ora ISO 8601</source>
        <translation>ISO 8601 date and time</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="202"/>
        <source>ora (HH:MM)</source>
        <translation>time (HH:MM)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="213"/>
        <source>data (AAAA-MM-GG)</source>
        <translation>date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="250"/>
        <source>codice scheda</source>
        <translation>card code</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="266"/>
        <source>mappa di conteggi</source>
        <translation>map of counts</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="289"/>
        <source>pausa</source>
        <translation>pause</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="294"/>
        <source>pause</source>
        <translation>pauses</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="304"/>
        <source>sessione</source>
        <translation>session</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="305"/>
        <location filename="../../facilitator_app/services/setup/cards.py" line="141"/>
        <source>asse</source>
        <translation>axis</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="306"/>
        <source>zona</source>
        <translation>zone</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="311"/>
        <location filename="../../facilitator_app/services/capture/board.py" line="49"/>
        <source>zone</source>
        <translation>zones</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="314"/>
        <location filename="../../facilitator_app/services/capture/board.py" line="50"/>
        <source>assi</source>
        <translation>axes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="405"/>
        <source>tavoli</source>
        <translation>tables</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="430"/>
        <location filename="../../facilitator_app/services/capture/board.py" line="48"/>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="47"/>
        <source>schede</source>
        <translation>cards</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="486"/>
        <source>numero</source>
        <translation>number</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/validation.py" line="502"/>
        <source>voti</source>
        <translation>votes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/board.py" line="51"/>
        <location filename="../../facilitator_app/services/setup/demo.py" line="134"/>
        <source>titolo del tema</source>
        <translation>theme title</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/bulk_import.py" line="188"/>
        <source>tema</source>
        <translation>theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/capture/bulk_import.py" line="246"/>
        <source>questa cella</source>
        <translation>this cell</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/xlsx_stream.py" line="76"/>
        <source>riga</source>
        <translation>row</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/xlsx_stream.py" line="77"/>
        <source>cartella di lavoro</source>
        <translation>workbook</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/common/xlsx_stream.py" line="78"/>
        <source>cella</source>
        <translation>cell</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="37"/>
        <source>titolo</source>
        <translation>title</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="38"/>
        <source>sintesi</source>
        <translation>synthesis</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="39"/>
        <source>domanda</source>
        <translation>question</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="40"/>
        <source>nome</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="41"/>
        <source>indirizzo</source>
        <translation>address</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="42"/>
        <source>facilitatore</source>
        <translation>facilitator</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="43"/>
        <source>descrizione</source>
        <translation>description</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="44"/>
        <location filename="../../facilitator_app/services/reports/report_texts.py" line="21"/>
        <source>premessa</source>
        <translation>introduction</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="45"/>
        <location filename="../../facilitator_app/services/reports/report_texts.py" line="22"/>
        <source>temi trasversali</source>
        <translation>cross-cutting themes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/reports/docx_clean.py" line="46"/>
        <location filename="../../facilitator_app/services/reports/report_texts.py" line="23"/>
        <source>conclusioni</source>
        <translation>conclusions</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="108"/>
        <source>azione</source>
        <translation>action</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="124"/>
        <source>set di schede</source>
        <translation>card set</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/cards.py" line="158"/>
        <source>strategia</source>
        <translation>strategy</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/distribute.py" line="48"/>
        <source>le sedi</source>
        <extracomment>Labels for :func:`match_names` messages.</extracomment>
        <translation>the venues</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/distribute.py" line="49"/>
        <source>i tavoli</source>
        <translation>the tables</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/setup/distribute.py" line="50"/>
        <source>dell&apos;evento</source>
        <translation>of the event</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/event_files.py" line="147"/>
        <source>cartella</source>
        <translation>folder</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/event_files.py" line="149"/>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="27"/>
        <source>tabella</source>
        <translation>table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="28"/>
        <source>indice</source>
        <translation>index</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="29"/>
        <source>vista</source>
        <translation>view</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="30"/>
        <source>trigger</source>
        <translation>trigger</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/storage/verify.py" line="174"/>
        <source>nessuno</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/codecs.py" line="173"/>
        <source>{zona: persone}</source>
        <translation>{zone: people}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/codecs.py" line="174"/>
        <source>{categoria: persone}</source>
        <translation>{category: people}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/codecs.py" line="175"/>
        <source>[[&quot;inizio&quot;, &quot;fine&quot;], ...]</source>
        <translation>[[&quot;start&quot;, &quot;end&quot;], ...]</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="65"/>
        <source>un evento</source>
        <translation>an event</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="66"/>
        <source>una sede</source>
        <translation>a venue</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="67"/>
        <source>un tavolo</source>
        <translation>a table</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/services/exchange/reader.py" line="68"/>
        <source>un tema</source>
        <translation>a theme</translation>
    </message>
</context>
<context>
    <name>ThemeEdits</name>
    <message>
        <location filename="../../facilitator_app/ui/board/themes.py" line="43"/>
        <source>Tema creato</source>
        <translation>Theme created</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/themes.py" line="46"/>
        <source>Nuovo tema</source>
        <translation>New theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/themes.py" line="53"/>
        <location filename="../../facilitator_app/ui/board/themes.py" line="78"/>
        <source>Salvato</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/themes.py" line="55"/>
        <source>Rinomina tema</source>
        <translation>Rename theme</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/themes.py" line="69"/>
        <source>Scegliere prima un tema nell&apos;elenco</source>
        <translation>First choose a theme in the list</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/themes.py" line="72"/>
        <source>Sintesi del tema «{title}»</source>
        <translation>Synthesis of the theme «{title}»</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/themes.py" line="81"/>
        <source>Sintesi del tema</source>
        <translation>Theme synthesis</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/themes.py" line="87"/>
        <source>Tema eliminato</source>
        <translation>Theme deleted</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/board/themes.py" line="89"/>
        <source>Elimina tema</source>
        <translation>Delete theme</translation>
    </message>
</context>
<context>
    <name>TimerPanel</name>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="85"/>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="237"/>
        <source>Avvia</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="88"/>
        <source>+5 minuti</source>
        <translation>+5 minutes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="94"/>
        <source>Schermo intero</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="96"/>
        <source>Suono alle soglie</source>
        <translation>Sound at thresholds</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="97"/>
        <source>Suono alle soglie di 10, 5 e 0 minuti</source>
        <translation>Sound at 10, 5 and 0 minutes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="105"/>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="107"/>
        <source>Programma della giornata</source>
        <translation>Programme of the day</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="110"/>
        <source>Inizio previsto</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="111"/>
        <source>Fine prevista</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="112"/>
        <source>Voce</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="113"/>
        <source>Inizio effettivo</source>
        <translation>Actual start</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="114"/>
        <source>Fine effettiva</source>
        <translation>Actual end</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="124"/>
        <source>Segna inizio voce</source>
        <translation>Mark item start</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="125"/>
        <source>Segna fine voce</source>
        <translation>Mark item end</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="173"/>
        <source>Nessuna sessione</source>
        <translation>No session</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="181"/>
        <source> (+{m} min)</source>
        <translation> (+{m} min)</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="186"/>
        <source>{table} · Sessione {n}{planned} · {m} minuti{ext}</source>
        <translation>{table} · Session {n}{planned} · {m} minutes{ext}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="210"/>
        <source>Sessione {n}: {state} {time}</source>
        <translation>Session {n}: {state} {time}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="231"/>
        <source>fuori tempo di {t}</source>
        <translation>over time by {t}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="228"/>
        <source>iniziata alle {t}</source>
        <translation>started at {t}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="298"/>
        <source>Sessione avviata</source>
        <translation>Session started</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="285"/>
        <source>Sessione ripresa</source>
        <translation>Session resumed</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="91"/>
        <source>Termina…</source>
        <translation>End…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="238"/>
        <source>Pausa</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="239"/>
        <source>Riprendi</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="283"/>
        <source>Sessione in pausa</source>
        <translation>Session paused</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="301"/>
        <source>La sessione {other} di questo tavolo è ancora {state}. Per avviare la sessione {n} bisogna terminare la sessione {other}: la sua durata si ferma ora.</source>
        <translation>Session {other} of this table is still {state}. To start session {n}, session {other} must end: its duration stops now.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="308"/>
        <source>&amp;Termina la {other} e avvia la {n}</source>
        <translation>&amp;End {other} and start {n}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="315"/>
        <source>Sessione {other} terminata, sessione {n} avviata</source>
        <translation>Session {other} ended, session {n} started</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="324"/>
        <source>Cinque minuti in più</source>
        <translation>Five more minutes</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="335"/>
        <source>Terminare la sessione {n}? Il cronometro si ferma e non riparte.</source>
        <translation>End session {n}? The timer stops and does not restart.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="338"/>
        <source>&amp;Termina la sessione</source>
        <translation>&amp;End the session</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="344"/>
        <source>Sessione terminata</source>
        <translation>Session ended</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="352"/>
        <source>&amp;Annulla</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="377"/>
        <location filename="../../facilitator_app/ui/timer/panel.py" line="384"/>
        <source>Salvato</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>TimerWindow</name>
    <message>
        <location filename="../../facilitator_app/ui/timer/full_screen.py" line="38"/>
        <source>Cronometro</source>
        <translation>Timer</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/full_screen.py" line="39"/>
        <source>Cronometro a schermo intero</source>
        <translation>Full-screen timer</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/full_screen.py" line="51"/>
        <source>Schermo intero / finestra</source>
        <translation>Full screen / window</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/timer/full_screen.py" line="55"/>
        <source>Chiudi</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="29"/>
        <source>Tavoli per asse strategico</source>
        <translation>Tables by strategic axis</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="30"/>
        <source>Tavoli per zona omogenea</source>
        <translation>Tables by homogeneous zone</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="55"/>
        <source>Lezione appresa</source>
        <translation>Lesson learnt</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="56"/>
        <source>Criticità</source>
        <translation>Critical issue</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="57"/>
        <source>Esigenza</source>
        <translation>Need</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="58"/>
        <source>Proposta</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="59"/>
        <source>Buona pratica</source>
        <translation>Good practice</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="88"/>
        <source>Amministratori locali</source>
        <translation>Local administrators</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="89"/>
        <source>Associazioni di categoria e corpi intermedi</source>
        <translation>Trade associations and intermediate bodies</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="92"/>
        <source>Terzo settore e associazioni</source>
        <translation>Third sector and associations</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="93"/>
        <source>Cittadini</source>
        <translation>Citizens</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="94"/>
        <source>Personale CMT</source>
        <translation>CMT staff</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/domain/vocab.py" line="95"/>
        <source>Altro</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../facilitator_app/ui/room/card.py" line="55"/>
        <source>Cartello del tavolo salvato in {path}</source>
        <translation>Table card saved in {path}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="275"/>
        <source>Cartello del tavolo</source>
        <translation>Table card</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/panel.py" line="275"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../facilitator_app/ui/room/window.py" line="112"/>
        <source>Non è stato possibile aprire ai telefoni:
{why}</source>
        <translation>Could not open to phones:
{why}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/window.py" line="120"/>
        <source>Chiuso ai telefoni</source>
        <translation>Closed to phones</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="144"/>
        <source>Invio di {file} al coordinamento…</source>
        <translation>Sending {file} to the coordinators…</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="160"/>
        <source>{file} inviato al coordinamento: {status} ({added} nuovi, {updated} aggiornati, {conflicts} conflitti).</source>
        <translation>{file} sent to the coordinators: {status} ({added} new, {updated} updated, {conflicts} conflicts).</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/coordinator/send.py" line="172"/>
        <source>Invio non riuscito:
{why}</source>
        <translation>Sending failed:
{why}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/window.py" line="44"/>
        <source>Nessun evento aperto</source>
        <translation>No event open</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/window.py" line="52"/>
        <source>{table} · sessione {n}</source>
        <translation>{table} · session {n}</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/window.py" line="57"/>
        <source>{where} è terminata: non si apre più ai telefoni.</source>
        <translation>{where} has ended: it no longer opens to phones.</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/window.py" line="94"/>
        <source>Impossibile ascoltare su {address}:{port} ({why}). Scegliere un altro indirizzo o un&apos;altra porta (forse è già in uso).</source>
        <translation>Cannot listen on {address}:{port} ({why}). Choose another address or port (it may be in use).</translation>
    </message>
    <message>
        <location filename="../../facilitator_app/ui/room/window.py" line="103"/>
        <source>{where} aperto ai telefoni</source>
        <translation>{where} open to phones</translation>
    </message>
</context>
</TS>
