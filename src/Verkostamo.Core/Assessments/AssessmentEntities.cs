namespace Verkostamo.Core.Assessments;

/// <summary>
/// A network's own copy of an instrument (a template one it edited, or one it added). Template instruments the
/// network has not touched have no row: they are read from <see cref="AssessmentTemplate"/>.
/// </summary>
public class AssessmentInstrument
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public string Key { get; set; } = "";

    /// <summary>The <see cref="InstrumentDefinition"/> as JSON.</summary>
    public string DefinitionJson { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public Guid Version { get; set; }
}

/// <summary>
/// One self-assessment round. The instruments are copied into the round when it opens, so later edits to an
/// instrument never change what was asked, nor the results of a round already answered.
/// </summary>
public class AssessmentRound
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public string Title { get; set; } = "";

    /// <summary>The list of <see cref="InstrumentDefinition"/> asked in this round, as JSON.</summary>
    public string InstrumentsJson { get; set; } = "[]";
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public bool ForMembers { get; set; }
    public bool ByLink { get; set; }

    /// <summary>SHA-256 of the round's anonymous answer link; null when the round has no link.</summary>
    public string? LinkTokenHash { get; set; }
    public int Threshold { get; set; } = AssessmentScoring.MinimumThreshold;
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public Guid Version { get; set; }
}

/// <summary>
/// One respondent's answers in a round: a member (<see cref="UserId"/>) or an anonymous respondent known only by
/// the hash of a random key kept in their browser (<see cref="RespondentHash"/>) — never both, and never a person.
/// </summary>
public class AssessmentResponse
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public Guid NetworkId { get; set; }
    public string? UserId { get; set; }
    public string? RespondentHash { get; set; }

    /// <summary>The answers (<see cref="AnswerSet"/>) as JSON.</summary>
    public string AnswersJson { get; set; } = "{}";
    public bool Completed { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }
}
