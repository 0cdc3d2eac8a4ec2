namespace Verkostamo.Core.Analysis;

/// <summary>
/// Gould–Fernandez brokerage counts of one actor: for every two of its contacts a and c that are not linked
/// to each other, the actor brokers a → c. Links are undirected, so each such pair is counted in both
/// directions (as sna::brokerage does on a symmetric matrix): coordinator, consultant and liaison counts
/// are twice the number of pairs, and representative always equals gatekeeper.
/// </summary>
public sealed record BrokerageCounts(int Coordinator, int Consultant, int Representative, int Gatekeeper, int Liaison)
{
    public int Total => Coordinator + Consultant + Representative + Gatekeeper + Liaison;

    /// <summary>Brokerage across group boundaries: everything but coordinating within one's own group.</summary>
    public int AcrossGroups => Consultant + Representative + Gatekeeper + Liaison;
}

public static class Brokerage
{
    /// <summary>Counts per node; <paramref name="group"/> gives each node's group (a sector; −1 for none, a group of its own).</summary>
    public static BrokerageCounts[] Count(CompactGraph g, int[] group)
    {
        var n = g.NodeCount;
        var result = new BrokerageCounts[n];
        var mark = new int[n];
        Array.Fill(mark, -1);
        for (var v = 0; v < n; v++)
        {
            int coordinator = 0, consultant = 0, representative = 0, gatekeeper = 0, liaison = 0;
            var contacts = g.NeighborsOf(v);
            var gv = group[v];
            for (var i = 0; i < contacts.Length; i++)
            {
                var a = contacts[i];
                // Mark a's contacts so "is c linked to a" is one array read.
                var stamp = a;
                foreach (var x in g.NeighborsOf(a))
                {
                    mark[x] = stamp;
                }
                var ga = group[a];
                for (var j = 0; j < contacts.Length; j++)
                {
                    var c = contacts[j];
                    if (c == a || mark[c] == stamp)
                    {
                        continue;
                    }
                    var gc = group[c];
                    if (ga == gv && gc == gv)
                    {
                        coordinator++;
                    }
                    else if (ga == gc)
                    {
                        consultant++;
                    }
                    else if (ga == gv)
                    {
                        representative++;
                    }
                    else if (gc == gv)
                    {
                        gatekeeper++;
                    }
                    else
                    {
                        liaison++;
                    }
                }
                foreach (var x in g.NeighborsOf(a))
                {
                    mark[x] = -1;
                }
            }
            result[v] = new(coordinator, consultant, representative, gatekeeper, liaison);
        }
        return result;
    }
}
