using Verkostamo.Core.Actions;
using Verkostamo.Core.Networks;
using Verkostamo.Core.Workbook;

namespace Verkostamo.Core.Demo;

/// <summary>A step of the demo workbook; its owner is a demo member (by e-mail) or an actor without an account.</summary>
/// <param name="DueInDays">The due date in days from the day of seeding (negative: in the past).</param>
internal sealed record DemoStep(string By, string Title, string? Owner, string? OwnerName, int? DueInDays, ActionStatus Status, string? Notes = null);

/// <summary>The three answer blocks of a section or theme and who wrote them.</summary>
internal sealed record DemoAnswers(string By, IReadOnlyList<string> KeySolutions, IReadOnlyList<DemoStep> Steps, string ResponsibilitiesBy, string Responsibilities);

internal sealed record DemoSection(string Key, DemoAnswers Answers);

internal sealed record DemoTheme(string By, string Title, string Goal, DemoAnswers Answers);

internal sealed record DemoFields(string Key, string By, SectionFields Fields);

internal sealed record DemoPlacement(string Who, PlacementInput Placement);

/// <summary>
/// The filled-in workbook of the demo network: a North Karelian employment-services network around the
/// Joensuu region employment area. Plain data; <see cref="DemoSeeder"/> writes it through the workbook services.
/// </summary>
internal static class DemoWorkbook
{
    public const string Demo = DemoSeeder.DemoEmail;
    public const string Outi = "outi.omistaja@verkostamo.fi";
    public const string Fanni = "fanni.fasilitaattori@verkostamo.fi";
    public const string Kalle = "kalle.koordinaattori@verkostamo.fi";
    public const string Jussi = "jussi.jasen@verkostamo.fi";
    public const string Maija = "maija.jasen@verkostamo.fi";
    public const string Sanna = "sanna.sidosryhma@verkostamo.fi";

    private const string Ely = "Pohjois-Karjalan ELY-keskus";
    private const string Karelia = "Karelia-ammattikorkeakoulu";
    private const string Tyokyky = "Pohjois-Karjalan Työkykyyhdistys ry";
    private const string Yrittajat = "Joensuun Seudun Yrittäjät ry";

    public static readonly IReadOnlyList<DemoFields> Fields =
    [
        new("cover", Fanni, new SectionFields
        {
            CoverAnswers =
            [
                "Seudullinen työllisyyden palveluverkosto, joka on siirtymässä hankekohtaisesta yhteistyöstä yhdessä johdetuksi kumppanuudeksi.",
                "Vahvat linkit ohjausryhmässä ja asiakasohjauksessa, heikot linkit yritysaamuissa ja avoimissa työpajoissa; fasilitoidut kohtaamiset kerran kuussa.",
                "Kolme teemaa: nuorten polut töihin, osatyökykyiset työelämään sekä kansainväliset osaajat ja kotoutuminen – kullekin 1–3 ensimmäistä askelta ja nimetyt vastuut.",
            ],
        }),
        new("definition", Outi, new SectionFields
        {
            ShortDescription = "Joensuun seudun työllisyysalueen ja sen kumppanien verkosto, joka rakentaa työnhakijalle yhden yhtenäisen palvelupolun: "
                + "ohjaus, koulutus, työkyvyn tuki ja työnantajapalvelut toimivat yhteen eikä asiakasta pallotella luukulta toiselle.",
            ActorsDescription = "Ytimessä ovat Joensuun seudun työllisyysalue (Joensuu, Kontiolahti, Liperi, Outokumpu, Polvijärvi, Ilomantsi ja Juuka), "
                + "Pohjois-Karjalan ELY-keskus ja Siun soten työkykypalvelut. Vahvoja osallistujia ovat Karelia-ammattikorkeakoulu, Riveria, "
                + "Business Joensuu ja Pohjois-Karjalan Työkykyyhdistys ry. Yritykset (mm. Karjalan Puurakenne Oy, Vaara-Hoiva Oy ja Pielisen Metalli Oy) "
                + "sekä Joensuun Seudun Yrittäjät osallistuvat työnantajan näkökulmasta. Kela ja kotoutumista tukevat järjestöt ovat mukana tarpeen mukaan.",
        }),
        new("development-cycle", Kalle, new SectionFields
        {
            CurrentPhase = 3,
            PhaseNote = "Tavoitteet ja toimintatapa sovittiin kevään verkostotyöpajassa. Nyt etenemme teemoissa; arviointi ja uudistaminen ovat edessä syksyn työpajassa.",
        }),
        new("leadership", Fanni, new SectionFields
        {
            LeadershipNote = "Nyt verkostoa johdetaan vielä pitkälti työllisyysalueen ohjausryhmästä käsin. Haluamme siirtyä kohti yhdessä johdettua "
                + "strategista verkostoa: tavoitteet pysyvät selkeinä, mutta raamit ja pelisäännöt sovitaan kumppanien kesken.",
        }),
        new("roles", Kalle, new SectionFields
        {
            Roles =
            [
                new(ParticipationRole.Locomotive, true, "Joensuun seudun työllisyysalueen kehittämistiimi (koordinaattori Kalle, fasilitaattori Fanni)"),
                new(ParticipationRole.StrongParticipant, true, "Pohjois-Karjalan ELY-keskus, Siun sote, Karelia-ammattikorkeakoulu, Pohjois-Karjalan Työkykyyhdistys ry"),
                new(ParticipationRole.OccasionalParticipant, true, "Riveria, Business Joensuu, Kela, yritysedustajat"),
                new(ParticipationRole.InformationRelay, true, "Kuntien elinvoimajohtajat, Joensuun Seudun Yrittäjät, järjestöjen vapaaehtoisverkostot"),
            ],
        }),
        new("learning-phases-clock", Maija, new SectionFields
        {
            LearningPhases =
            [
                "Tammi–maaliskuu: tilannekuva ja asiakaspalaute",
                "Huhti–toukokuu: tavoitteiden päivitys verkostotyöpajassa",
                "Kesä–lokakuu: kokeilut teemoissa",
                "Marras–joulukuu: arviointi ja opit seuraavaan vuoteen",
            ],
        }),
    ];

    /// <summary>Where the members place the network on the leadership matrix (section 6).</summary>
    public static readonly IReadOnlyList<DemoPlacement> Placements =
    [
        new(Outi, new(4, 2, 5, 4)),
        new(Fanni, new(3, 2, 4, 4)),
        new(Kalle, new(4, 3, 4, 4)),
        new(Jussi, new(3, 2, 4, 3)),
        new(Maija, new(2, 3, 4, 4)),
        new(Sanna, new(3, 1, 4, 3)),
    ];

    public static readonly IReadOnlyList<DemoSection> Sections =
    [
        new("definition", new(Outi,
            [
                "Verkoston perustehtävä on **yksi yhteinen palvelupolku** työnhakijalle: kukaan ei jää kahden palvelun väliin.",
                "Verkostoon kuuluvat kaikki toimijat, jotka ohjaavat, kouluttavat, kuntouttavat tai palkkaavat työnhakijoita Joensuun seudulla.",
                "Verkoston ulkopuolelle rajataan valtakunnallinen lainsäädäntötyö; vaikutamme siihen ELY-keskuksen ja Kuntaliiton kautta.",
            ],
            [
                new(Outi, "Verkoston kuvaus työllisyysalueen verkkosivuille", Kalle, null, 21, ActionStatus.InProgress),
                new(Jussi, "Kumppanuusasiakirjan luonnos ohjausryhmälle", Outi, null, -12, ActionStatus.Done),
            ],
            Kalle,
            "Määrittelystä vastaa työllisyysalueen ohjausryhmä; Outi vie päivitetyn määrittelyn ohjausryhmään kesäkuussa. "
            + "Kalle päivittää verkkosivujen kuvauksen ja jäsenlistan kerran vuodessa verkostotyöpajan jälkeen.")),

        new("picture", new(Fanni,
            [
                "Piirsimme työpajassa **kolme kuvaa**: toimijakartta sektoreittain, asiakkaan palvelupolku ja tiedonkulun reitit.",
                "Kuvassa näkyy erikseen ydin (työllisyysalue, ELY-keskus, Siun sote) ja reuna (yritykset, järjestöt, oppilaitokset).",
                "Kuvat päivitetään yhteisellä Miro-taululla; versio tallennetaan aina työpajan jälkeen.",
            ],
            [
                new(Fanni, "Toimijakartan puhtaaksipiirto ja jako kumppaneille", Fanni, null, -30, ActionStatus.Done),
                new(Sanna, "Asiakkaan palvelupolun kuva yhdessä kokemusasiantuntijoiden kanssa", null, "Kokemusasiantuntijaryhmä (Työkykyyhdistys)", -5, ActionStatus.InProgress),
                new(Fanni, "Yritysten yhteyksien kuvaaminen erillisenä osaverkostona", Jussi, null, 60, ActionStatus.Planned),
            ],
            Fanni,
            "Fanni ylläpitää kuvia ja kutsuu kuvien päivitykseen kaksi kertaa vuodessa (huhtikuu ja marraskuu). "
            + "Sanna kokoaa kokemusasiantuntijoiden kommentit palvelupolun kuvaan syyskuun loppuun mennessä.")),

        new("boundaries-levels", new(Kalle,
            [
                "Julkinen, yksityinen ja kolmas sektori ovat mukana **strategiatasolla** (ohjausryhmä) ja **operatiivisella tasolla** (asiakasohjauksen tiimit).",
                "Siilorajat ylitetään yhteisillä asiakastapaamisilla: työkykykoordinaattori, työnhakijan vastuuasiantuntija ja yrityksen edustaja samassa pöydässä.",
                "Vaikuttamistyö tehdään yhdessä ELY-keskuksen kanssa maakuntaohjelman valmistelussa.",
            ],
            [
                new(Kalle, "Yhteinen asiakastapaamisen malli kolmelle sektorille", Kalle, null, -20, ActionStatus.InProgress),
                new(Maija, "Lausunto maakuntaohjelman osaamis- ja työvoimaluvuista", null, Ely, 45, ActionStatus.Planned),
            ],
            Outi,
            "Kalle vastaa asiakastapaamisen mallista ja sen kokeilusta Kontiolahdella ja Outokummussa. "
            + "Lausunnon kokoaa ELY-keskuksen yhteyshenkilö; kunnat kommentoivat kahden viikon kierroksella.")),

        new("strong-weak-links", new(Jussi,
            [
                "**Vahvat linkit:** kuukausittainen ohjausryhmä, yhteinen asiakasohjauksen tilannehuone ja sovitut yhteyshenkilöt jokaisessa organisaatiossa.",
                "**Heikot linkit:** avoimet yritysaamut, Teams-kanava kysymyksille ja kerran vuodessa laajennettu verkostopäivä.",
                "Yritysaamuihin kutsutaan aina myös joku, joka ei ole ollut mukana ennen.",
            ],
            [
                new(Jussi, "Neljä yritysaamua vuodessa vuorotellen eri kunnissa", null, Yrittajat, 30, ActionStatus.InProgress),
                new(Kalle, "Yhteyshenkilölistan päivitys ja jako", Kalle, null, -40, ActionStatus.Done),
                new(Sanna, "Uutiskirje heikoille linkeille", Sanna, null, -10, ActionStatus.Dropped, "Korvattiin Teams-kanavalla; uutiskirjeelle ei löytynyt tekijää."),
            ],
            Jussi,
            "Jussi sopii yritysaamujen paikat ja ajat Joensuun Seudun Yrittäjien kanssa. "
            + "Kalle pitää yhteyshenkilölistan ajan tasalla ja tarkistaa sen aina vuodenvaihteessa.")),

        new("development-cycle", new(Kalle,
            [
                "Käymme neljä vaihetta läpi **vuosittain**: näkyväksi tekeminen, tavoitteiden päivitys, eteneminen ja arviointi.",
                "Jokaisen vaiheen päätteeksi ohjausryhmä kuittaa, mitä opittiin ja mitä muutetaan.",
            ],
            [
                new(Kalle, "Syksyn arviointityöpajan suunnittelu", Fanni, null, 75, ActionStatus.Planned),
            ],
            Kalle,
            "Kalle aikatauluttaa vaiheet vuosikelloon; Fanni suunnittelee ja fasilitoi työpajat. Arviointityöpaja pidetään marraskuussa.")),

        new("leadership", new(Outi,
            [
                "Ohjausryhmä muutetaan **tukiryhmäksi**, jossa puheenjohtajuus kiertää kumppaneiden kesken vuoden jaksoissa.",
                "Pelisäännöt kirjoitetaan yhdessä, ja ne hyväksytään koko verkoston työpajassa.",
                "Tavoitteellisuus säilyy: jokaisella teemalla on mitattava tavoite ja vastuuhenkilö.",
            ],
            [
                new(Outi, "Pelisääntöluonnos verkoston kommentoitavaksi", Outi, null, -3, ActionStatus.InProgress),
                new(Fanni, "Kiertävän puheenjohtajuuden vuorolista", Fanni, null, 40, ActionStatus.Planned),
            ],
            Outi,
            "Outi valmistelee pelisäännöt ja vie ne hyväksyttäviksi syksyn työpajaan. "
            + "Nykyinen ohjausryhmä jatkaa vuoden loppuun; tukiryhmä aloittaa tammikuussa.")),

        new("roles", new(Kalle,
            [
                "Työllisyysalueen kehittämistiimi toimii **veturina** ja vastaa koordinoinnista.",
                "Vahvat osallistujat vastaavat kukin yhdestä teemasta.",
                "Satunnaiset osallistujat kutsutaan mukaan teemakohtaisesti, tiedonsaajille riittää kuukausikooste.",
            ],
            [
                new(Kalle, "Roolien kirjaaminen kumppanuusasiakirjaan", Kalle, null, -15, ActionStatus.Done),
                new(Maija, "Roolikeskustelu kahdenkeskisesti jokaisen vahvan osallistujan kanssa", Maija, null, 20, ActionStatus.InProgress),
            ],
            Fanni,
            "Jokainen vahva osallistuja nimeää teemalleen vastuuhenkilön ja varahenkilön. "
            + "Yhteisesti vastaamme siitä, että tieto kulkee omaan organisaatioon: jokainen kertoo kuukausikoosteen pääkohdat omassa tiimipalaverissaan.")),

        new("knowing-trust-commitment", new(Maija,
            [
                "Jokainen tapaaminen alkaa **lyhyellä kuulumiskierroksella**; uudet osallistujat esittäytyvät myös ihmisinä, eivät vain tittelinä.",
                "Luottamusta rakennetaan pitämällä lupaukset pieninä ja näkyvinä: askeleet ja vastuut kirjataan tähän työkirjaan.",
                "Sitoutumista vahvistetaan näyttämällä, mitä kunkin panos on saanut aikaan (asiakastarinat, luvut).",
            ],
            [
                new(Maija, "Tutustumiskäynnit kumppanien toimipisteisiin", null, "Siun soten työkykytiimi", -25, ActionStatus.InProgress),
                new(Sanna, "Onnistumistarinoiden kokoaminen verkostopäivään", Sanna, null, 50, ActionStatus.Planned),
            ],
            Maija,
            "Maija koordinoi tutustumiskäynnit (yksi kuukaudessa, vuorotellen eri kumppanilla). "
            + "Sanna kerää onnistumistarinat kumppaneilta syyskuun aikana.")),

        new("learning-cycle", new(Sanna,
            [
                "**Yhteinen tieto:** työllisyysalueen ja ELY-keskuksen tilastot käydään läpi yhdessä neljännesvuosittain.",
                "**Ratkaisutyö:** kokeilut tehdään pienissä ryhmissä, ja tulokset jaetaan koko verkostolle.",
                "**Uudet toimijat:** jokainen kokeilu kutsuu mukaan vähintään yhden uuden yrityksen tai järjestön.",
            ],
            [
                new(Sanna, "Ensimmäinen yhteinen tilastokatsaus", null, Ely, -8, ActionStatus.Done),
                new(Jussi, "Kokeilujen tulosten jakamisen malli", Jussi, null, 35, ActionStatus.Planned),
            ],
            Sanna,
            "ELY-keskus tuottaa tilastokatsauksen ja työllisyysalue kommentoi sen. "
            + "Jussi ehdottaa tulosten jakamisen mallin seuraavaan verkostotapaamiseen.")),

        new("learning-phases-clock", new(Maija,
            [
                "Vuosikello on sidottu kuntien talousarvioaikatauluun, jotta opit ehtivät seuraavan vuoden suunnitelmiin.",
                "Jokaisen vaiheen lopussa kirjataan **kolme oppia** ja yksi asia, jonka lopetamme.",
            ],
            [
                new(Maija, "Vuosikellon julkaisu yhteisessä kalenterissa", Kalle, null, -45, ActionStatus.Done),
                new(Maija, "Oppien kirjaamisen pohja", Maija, null, 14, ActionStatus.Planned),
            ],
            Kalle,
            "Kalle ylläpitää vuosikelloa; Maija vastaa oppien kirjaamisesta jokaisen vaiheen lopussa.")),

        new("ways-of-working", new(Fanni,
            [
                "Käytämme kolmea tapaa tilanteen mukaan:\n- **opettaminen** uusista palveluista ja laista\n- **fasilitointi** työpajoissa\n- **emännöinti** avoimissa yritysaamuissa",
                "Päätökset tehdään ohjausryhmässä, dialogi käydään työpajoissa ja tiedonkulku hoidetaan Teams-kanavalla.",
                "Etäosallistuminen on aina mahdollista, koska Ilomantsista ja Juuasta on pitkä matka.",
            ],
            [
                new(Fanni, "Hybridityöpajan tekniikan testaus", null, Karelia, -18, ActionStatus.Done),
                new(Jussi, "Teams-kanavan pelisäännöt", Jussi, null, -2, ActionStatus.Planned),
            ],
            Fanni,
            "Fanni valitsee kuhunkin tapaamiseen sopivan työtavan ja huolehtii muistiinpanoista. "
            + "Karelia-ammattikorkeakoulu tarjoaa tilat ja hybriditekniikan kahdesti vuodessa.")),

        new("coordination-facilitation", new(Kalle,
            [
                "Koordinointi: **vuosikello**, ajantasainen yhteystietolista ja kuukausikooste kaikille.",
                "Fasilitointi: jokaisella tapaamisella on nimetty fasilitaattori ja selkeä tavoite.",
                "Koordinaattorin työaikaa on varattu 40 % työllisyysalueen kehittämisbudjetista.",
            ],
            [
                new(Kalle, "Kuukausikoosteen pohja ja jakelulista", Kalle, null, -35, ActionStatus.Done),
                new(Fanni, "Fasilitaattorivuorot kumppaneille", Fanni, null, 25, ActionStatus.Planned),
                new(Outi, "Ulkopuolinen fasilitointikoulutus koko verkostolle", Outi, null, -20, ActionStatus.Dropped, "Rahoitus ei riittänyt; opettelemme vertaisoppien."),
            ],
            Kalle,
            "Kalle koordinoi ja lähettää kuukausikoosteen kuun ensimmäisenä maanantaina. "
            + "Fanni kouluttaa kaksi fasilitaattoria kumppaneista vuoden loppuun mennessä.")),

        new("evaluation", new(Outi,
            [
                "Mittaamme kahta asiaa: **verkoston toimivuutta** (kyselyt osallistujille) ja **vaikuttavuutta** (asiakkaiden siirtymät työhön ja koulutukseen).",
                "Arviointi tehdään yhdessä, ja tulokset käsitellään syksyn työpajassa.",
            ],
            [
                new(Outi, "Verkostokysely osallistujille", Fanni, null, 55, ActionStatus.Planned),
                new(Jussi, "Vaikuttavuusmittareiden valinta", null, Karelia, -7, ActionStatus.InProgress),
            ],
            Outi,
            "Fanni laatii ja lähettää verkostokyselyn lokakuussa. Karelia-ammattikorkeakoulun TKI-tiimi ehdottaa vaikuttavuusmittarit; "
            + "ohjausryhmä päättää mittareista ennen arviointityöpajaa.")),
    ];

    public static readonly IReadOnlyList<DemoTheme> Themes =
    [
        new(Jussi, "Nuorten polut töihin",
            "Jokainen alle 30-vuotias työnhakija saa kahdessa viikossa henkilökohtaisen suunnitelman, ja nuorisotyöttömyys laskee seudulla alle maakunnan keskiarvon vuoden 2027 loppuun mennessä.",
            new(Jussi,
                [
                    "**Ohjaamo** toimii yhden luukun paikkana: työllisyysalueen, Siun soten ja oppilaitosten palvelut samassa paikassa.",
                    "Yritykset tarjoavat lyhyitä tutustumisjaksoja ilman raskasta byrokratiaa.",
                    "Nuoret itse kommentoivat palveluja kahdesti vuodessa.",
                ],
                [
                    new(Jussi, "Ohjaamon aukioloaikojen laajennus iltoihin", Jussi, null, -14, ActionStatus.InProgress),
                    new(Maija, "Tutustumisjaksojen malli kymmenelle yritykselle", null, "Business Joensuu", 30, ActionStatus.Planned),
                    new(Jussi, "Nuorten palautekysely", Maija, null, -50, ActionStatus.Done),
                ],
                Maija,
                "Jussi vastaa Ohjaamon kehittämisestä ja raportoi tukiryhmälle neljännesvuosittain. "
                + "Business Joensuu rekrytoi yritykset tutustumisjaksoille kesään mennessä.")),
        new(Sanna, "Osatyökykyiset työelämään",
            "Osatyökykyisille löytyy seudulla 40 uutta työ- tai työkokeilupaikkaa vuodessa, ja työkykykoordinaattori on mukana jokaisen asiakkaan polulla alusta alkaen.",
            new(Sanna,
                [
                    "Työkykykoordinaattori ja vastuuasiantuntija tapaavat asiakkaan **yhdessä** jo ensimmäisellä kerralla.",
                    "Työkykyyhdistyksen kokemusasiantuntijat toimivat vertaisohjaajina.",
                    "Työnantajille tarjotaan helppo reitti palkkatukeen ja työolosuhteiden järjestelytukeen:\n- yksi yhteyshenkilö\n- valmis hakemuspohja\n- tuki koko prosessin ajan",
                    "Kelan ammatillisen kuntoutuksen palvelut tuodaan osaksi polkua.",
                ],
                [
                    new(Sanna, "Yhteisvastaanoton kokeilu Joensuussa ja Liperissä", Sanna, null, -9, ActionStatus.InProgress),
                    new(Outi, "Työnantajien infotilaisuus palkkatuesta", null, Tyokyky, 18, ActionStatus.Planned),
                    new(Sanna, "Erillinen osatyökykyisten rekrytointitapahtuma", Jussi, null, -28, ActionStatus.Dropped, "Yhdistettiin syksyn yritysaamuun."),
                ],
                Sanna,
                "Sanna koordinoi teemaa yhdessä Pohjois-Karjalan Työkykyyhdistyksen kanssa. Kokeilun tulokset arvioidaan joulukuussa; "
                + "Siun sote vastaa työkykykoordinaattorien osallistumisesta.")),
        new(Maija, "Kansainväliset osaajat ja kotoutuminen",
            "Puolet Karelia-ammattikorkeakoulusta valmistuvista kansainvälisistä opiskelijoista työllistyy Pohjois-Karjalaan, ja maahan muuttaneiden työnhakijoiden polku kieliopinnoista työhön nopeutuu.",
            new(Maija,
                [
                    "Opiskelijat ja yritykset kohtaavat jo opintojen aikana harjoittelussa ja opinnäytetöissä.",
                    "**Työpaikkasuomi**: kieltä opitaan työn ohessa, ja yritykset saavat siihen tukea.",
                ],
                [
                    new(Maija, "Kansainvälisten opiskelijoiden ja yritysten matchmaking-tapahtuma", null, Karelia, 65, ActionStatus.Planned),
                    new(Kalle, "Kotoutumispalvelujen ja työllisyyspalvelujen yhteinen asiakasprosessi", Kalle, null, -4, ActionStatus.InProgress),
                    new(Maija, "Selvitys yritysten kansainvälisistä rekrytointitarpeista", null, Ely, -60, ActionStatus.Done),
                ],
                Kalle,
                "Karelia-ammattikorkeakoulu järjestää matchmaking-tapahtuman syyslukukaudella. Kalle kuvaa yhteisen asiakasprosessin "
                + "kotoutumispalvelujen kanssa ja vie sen tukiryhmän hyväksyttäväksi.")),
    ];
}
