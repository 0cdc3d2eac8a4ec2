using Verkostamo.Core.AnnualClock;

namespace Verkostamo.Core.Demo;

/// <summary>
/// A full year on the demo network's annual clock, on top of the default clock every network gets: the four
/// learning phases the demo workbook names in section 10, the steering group and the open network forum,
/// workshops, the self-assessment round, funder reporting and the themes' milestones. Plain data;
/// <see cref="DemoSeeder"/> writes it through the clock service as the demo's facilitators.
/// </summary>
internal static class DemoClock
{
    internal sealed record DemoEvent(string By, ClockEventInput Input, string? Theme = null);

    /// <summary>The learning phases of section 10 in the demo workbook, as month ranges of the year.</summary>
    private static readonly (int FromMonth, int ToMonth)[] LearningPhaseMonths = [(1, 3), (4, 5), (6, 10), (11, 12)];

    public static IEnumerable<DemoEvent> Events(int year, IReadOnlyList<string> learningPhases)
    {
        var until = new DateOnly(year + 3, 12, 31);
        for (var i = 0; i < Math.Min(learningPhases.Count, LearningPhaseMonths.Length); i++)
        {
            var (from, to) = LearningPhaseMonths[i];
            var start = new DateOnly(year, from, 1);
            var end = new DateOnly(year, to, DateTime.DaysInMonth(year, to));
            yield return new(DemoWorkbook.Maija, new ClockEventInput(PhaseTitle(learningPhases[i]), ClockCategory.LearningPhase, start)
            {
                EndDate = end, Recurrence = Recurrence.Yearly, RecursUntil = until,
                Description = "Yhdessä oppimisen vaihe (osio 10).",
            });
        }

        yield return new(DemoWorkbook.Kalle, new ClockEventInput("Ohjausryhmä", ClockCategory.Forum, Weekday(year, 2, DayOfWeek.Thursday, 2))
        {
            StartTime = new TimeOnly(13, 0), EndTime = new TimeOnly(15, 0), Recurrence = Recurrence.Quarterly, RecursUntil = until,
            Description = "Kuntien, ELY-keskuksen ja TE-palvelujen edustajat: tilannekatsaus, rahoitus ja linjaukset.",
        });
        yield return new(DemoWorkbook.Fanni, new ClockEventInput("Avoin verkostofoorumi", ClockCategory.Forum, Weekday(year, 4, DayOfWeek.Wednesday, 3))
        {
            StartTime = new TimeOnly(12, 30), EndTime = new TimeOnly(15, 30), Recurrence = Recurrence.Monthly, Interval = 6, RecursUntil = until,
            Description = "Kaikille avoin tapaaminen heikkojen linkkien vahvistamiseksi: uudet toimijat, kokeilut ja verkostokartan päivitys (osio 4).",
        });
        yield return new(DemoWorkbook.Fanni, new ClockEventInput("Verkostotyöpaja: tavoitteet ja roolit", ClockCategory.DevelopmentPhase, Weekday(year, 5, DayOfWeek.Tuesday, 3))
        {
            StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(15, 0), Recurrence = Recurrence.Yearly, RecursUntil = until,
            Description = "Päivitetään tavoite ja toimintatapa (kehittämisen vaihe 2) ja sovitaan roolit (osio 7).",
        });
        yield return new(DemoWorkbook.Kalle, new ClockEventInput("Kesätauko", ClockCategory.Other, new DateOnly(year, 7, 1))
        {
            EndDate = new DateOnly(year, 7, 31), Recurrence = Recurrence.Yearly, RecursUntil = until,
            Description = "Ei yhteisiä tapaamisia; asiakastyö jatkuu sovitun päivystyksen mukaan.",
        });
        yield return new(DemoWorkbook.Kalle, new ClockEventInput("Väliraportti rahoittajalle", ClockCategory.Evaluation, new DateOnly(year, 8, 31))
        {
            Recurrence = Recurrence.Yearly, RecursUntil = until,
            Description = "Tuotokset, tulokset ja verkostokuvan muutos edellisestä raportista.",
        });
        yield return new(DemoWorkbook.Fanni, new ClockEventInput("Itsearviointikierros", ClockCategory.Evaluation, new DateOnly(year, 10, 1))
        {
            EndDate = new DateOnly(year, 10, 31), Recurrence = Recurrence.Yearly, RecursUntil = until,
            Description = "Tunteminen, luottamus ja sitoutuminen sekä linkkien laatu arvioidaan nimettömästi (osiot 4, 8 ja 13).",
        });
        yield return new(DemoWorkbook.Outi, new ClockEventInput("Vuosisuunnittelupäivä", ClockCategory.DevelopmentPhase, Weekday(year, 12, DayOfWeek.Thursday, 1))
        {
            StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(16, 0), Recurrence = Recurrence.Yearly, RecursUntil = until,
            Description = "Arvioinnin opit seuraavan vuoden suunnitelmaan ja vuosikelloon.",
        });

        yield return new(DemoWorkbook.Jussi, new ClockEventInput("Ohjaamon tiimipalaveri", ClockCategory.ThemeMilestone, Weekday(year, 1, DayOfWeek.Monday, 2))
        {
            StartTime = new TimeOnly(8, 30), EndTime = new TimeOnly(9, 15), Recurrence = Recurrence.Weekly, Interval = 2, RecurrenceCount = 20,
            Description = "Nuorten palvelupolun pilotin seuranta joka toinen maanantai kevätkaudella.",
        }, "Nuorten polut töihin");
        yield return new(DemoWorkbook.Jussi, new ClockEventInput("Nuorten palvelupolun pilotti", ClockCategory.ThemeMilestone, new DateOnly(year, 3, 2))
        {
            EndDate = new DateOnly(year, 6, 12),
            Description = "Kahden viikon suunnitelmalupaus kokeillaan Joensuussa ja Kontiolahdella.",
        }, "Nuorten polut töihin");
        yield return new(DemoWorkbook.Sanna, new ClockEventInput("Työnantajien aamukahvit", ClockCategory.ThemeMilestone, Weekday(year, 9, DayOfWeek.Friday, 2))
        {
            StartTime = new TimeOnly(8, 0), EndTime = new TimeOnly(9, 30),
            Description = "Osatyökykyisten palkkaamisen kokemuksia yrityksiltä yrityksille.",
        }, "Osatyökykyiset työelämään");
        yield return new(DemoWorkbook.Maija, new ClockEventInput("Kansainvälisten osaajien rekrytointimessut", ClockCategory.ThemeMilestone, Weekday(year, 11, DayOfWeek.Wednesday, 1))
        {
            StartTime = new TimeOnly(10, 0), EndTime = new TimeOnly(16, 0),
            Description = "Yhteinen osasto oppilaitosten ja kotoutumispalvelujen kanssa.",
        }, "Kansainväliset osaajat ja kotoutuminen");
    }

    /// <summary>"Tammi–maaliskuu: tilannekuva ja asiakaspalaute" reads on the wheel as "Tilannekuva ja asiakaspalaute".</summary>
    internal static string PhaseTitle(string phase)
    {
        var colon = phase.IndexOf(':', StringComparison.Ordinal);
        var title = (colon >= 0 ? phase[(colon + 1)..] : phase).Trim();
        return title.Length == 0 ? phase.Trim() : char.ToUpperInvariant(title[0]) + title[1..];
    }

    /// <summary>The n-th given weekday of a month.</summary>
    private static DateOnly Weekday(int year, int month, DayOfWeek day, int nth)
    {
        var d = new DateOnly(year, month, 1);
        while (d.DayOfWeek != day)
        {
            d = d.AddDays(1);
        }
        return d.AddDays(7 * (nth - 1));
    }
}
