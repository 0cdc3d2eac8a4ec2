namespace Verkostamo.Core.Networks;

/// <summary>Section 7: how much of the network's work an actor carries, from most to least.</summary>
public enum ParticipationRole
{
    Locomotive,
    StrongParticipant,
    OccasionalParticipant,
    InformationRelay,
}
