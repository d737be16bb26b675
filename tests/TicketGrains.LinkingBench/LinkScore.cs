namespace TicketGrains.LinkingBench;

/// <summary>
/// Pairwise precision and recall over identities: a pair of identities is linked when both answer as one customer, and
/// truly linked when both belong to one person. Proposals are scored apart: how many join two identities of one person,
/// and the recall a person would reach by accepting exactly the right proposals.
/// </summary>
public sealed record LinkScore(
    long TruePairs, long LinkedPairs, long CorrectPairs, long EvidencePairs, long CorrectEvidencePairs, int TrueProposals, int FalseProposals, long CorrectWithProposals)
{
    public double Precision => LinkedPairs == 0 ? 1 : (double)CorrectPairs / LinkedPairs;

    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    /// <summary>Recall over the pairs the messages gave decisive evidence for (see <see cref="Person.Evidence"/>).</summary>
    public double EvidenceRecall => EvidencePairs == 0 ? 1 : (double)CorrectEvidencePairs / EvidencePairs;

    public double RecallWithProposals => TruePairs == 0 ? 1 : (double)CorrectWithProposals / TruePairs;

    public static LinkScore Of(IReadOnlyList<Person> people, IReadOnlyDictionary<Guid, Guid> survivors, IReadOnlyList<(Guid A, Guid B)> proposals)
    {
        var personOf = people.SelectMany(p => p.Identities).ToDictionary(c => c.CustomerId, c => c.Person.Index);
        var (linked, correct) = Pairs(people, c => survivors[c]);
        var truePairs = people.Sum(p => Choose2(p.Identities.Count));
        var right = proposals.Where(p => personOf[p.A] == personOf[p.B]).ToList();

        // Accepting the right proposals: union of the survivors they join.
        var parent = survivors.Values.Distinct().ToDictionary(s => s, s => s);
        Guid Root(Guid c)
        {
            while (parent[c] != c)
            {
                c = parent[c] = parent[parent[c]];
            }

            return c;
        }

        foreach (var (a, b) in right)
        {
            parent[Root(survivors[a])] = Root(survivors[b]);
        }

        var (_, correctWith) = Pairs(people, c => Root(survivors[c]));
        var (evidence, correctEvidence) = (0L, 0L);
        foreach (var person in people)
        {
            var ids = person.Identities;
            for (var i = 0; i < ids.Count; i++)
            {
                for (var j = i + 1; j < ids.Count; j++)
                {
                    if (person.EvidenceRoot(ids[i]) == person.EvidenceRoot(ids[j]))
                    {
                        evidence++;
                        correctEvidence += survivors[ids[i].CustomerId] == survivors[ids[j].CustomerId] ? 1 : 0;
                    }
                }
            }
        }

        return new LinkScore(truePairs, linked, correct, evidence, correctEvidence, right.Count, proposals.Count - right.Count, correctWith);
    }

    private static (long Linked, long Correct) Pairs(IReadOnlyList<Person> people, Func<Guid, Guid> clusterOf)
    {
        var clusters = new Dictionary<Guid, Dictionary<int, int>>();
        foreach (var contact in people.SelectMany(p => p.Identities))
        {
            var cluster = clusterOf(contact.CustomerId);
            if (!clusters.TryGetValue(cluster, out var persons))
            {
                clusters[cluster] = persons = [];
            }

            persons[contact.Person.Index] = persons.GetValueOrDefault(contact.Person.Index) + 1;
        }

        return (clusters.Values.Sum(c => Choose2(c.Values.Sum())), clusters.Values.Sum(c => c.Values.Sum(Choose2)));
    }

    private static long Choose2(int n) => (long)n * (n - 1) / 2;
}
