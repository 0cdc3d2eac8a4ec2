namespace Verkostamo.Features.Workbook.Frameworks;

/// <summary>
/// One placement in the leadership frame (section 6). Both axes run 1..5: <paramref name="Goal"/> 5 is the most
/// goal-oriented (top) and 1 naturally evolving (bottom); <paramref name="Shared"/> 1 is framed top-down (left) and
/// 5 framed jointly bottom-up (right). <paramref name="Wanted"/> tells the wanted state from the present one.
/// </summary>
public sealed record LeadershipDot(int Goal, int Shared, bool Wanted, string Label);
