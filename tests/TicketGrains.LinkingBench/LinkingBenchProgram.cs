using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Customers.Linking;
using TicketGrains.Grains.Encryption;

namespace TicketGrains.LinkingBench;

/// <summary>
/// Precision and recall of identity linking over a generated population (docs/benchmarks.md): every message goes, in
/// time order, through the product's key extraction and <see cref="CustomerLinker"/> (decisions, merges, proposals) over
/// in-memory key, merge and proposal stores; PostgreSQL, grains, HTTP and encryption are not part of it.
/// usage: TicketGrains.LinkingBench [persons, default 10000] [seed, default 20261111]
/// </summary>
public static class LinkingBenchProgram
{
    private const string Tenant = "bench";

    /// <summary>The shop's one channel of each type.</summary>
    private static readonly Dictionary<string, Guid> ChannelIds = [];

    public static async Task Main(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20261111;
        var mix = new PopulationMix();
        Console.WriteLine($"date {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; nproc {Environment.ProcessorCount}; {RuntimeInformation.OSDescription}; .NET {Environment.Version}");
        Console.WriteLine($"persons {count}, seed {seed}, mix {mix}");
        var (people, messages) = Population.Generate(count, seed, mix);

        var groups = new InMemoryCustomerGroups();
        var proposals = new InMemoryLinkProposals();
        var linker = new CustomerLinker(new InMemoryIdentityKeyStore(), groups, proposals, new ClearProtection(), TimeProvider.System, new RecentContacts(TimeProvider.System));
        var outcomes = Enum.GetValues<LinkOutcome>().ToDictionary(o => o, _ => 0);
        var personOf = people.SelectMany(p => p.Identities).ToDictionary(c => c.CustomerId, c => c.Person);
        var (wrongLinks, wrongToFamily) = (0, 0);
        var tally = new ReasonTally();
        var stopwatch = Stopwatch.StartNew();
        foreach (var message in messages)
        {
            var keys = KeyExtractor.OfIdentity(message.From.Channel, message.From.ExternalId)
                .Concat(KeyExtractor.From(message.Text, ThreadingRule.DefaultOrderPattern)).ToList();
            // The shop has one channel of each type, as the inbound pipeline gives the sender's account on it.
            if (!ChannelIds.TryGetValue(message.From.Channel, out var channel))
            {
                ChannelIds[message.From.Channel] = channel = Guid.CreateVersion7();
            }

            if (StrongKey.Account(message.From.Channel, channel, message.From.ExternalId) is { } account)
            {
                keys.Add(account);
            }

            var decision = await linker.LinkAsync(Tenant, message.From.CustomerId, keys);
            outcomes[decision.Outcome]++;
            if (decision.Target is { } linked)
            {
                tally.Add("link", decision.Reason, personOf[linked] == message.From.Person);
            }

            if (decision.Target is { } target && personOf[target] != message.From.Person)
            {
                // The survivor linked to is another person's: a wrong merge (or one made on top of an earlier wrong one).
                wrongLinks++;
                wrongToFamily += message.From.Person.Family.Contains(personOf[target]) ? 1 : 0;
            }
        }

        stopwatch.Stop();
        var survivors = new Dictionary<Guid, Guid>();
        foreach (var contact in people.SelectMany(p => p.Identities))
        {
            survivors[contact.CustomerId] = await groups.SurvivorAsync(Tenant, contact.CustomerId);
        }

        var customers = people.SelectMany(p => p.Identities).Select(c => c.CustomerId).ToList();
        var proposed = (await proposals.OfAsync(Tenant, customers)).Select(p => (p.CustomerId, p.OtherCustomerId)).ToList();
        var score = LinkScore.Of(people, survivors, proposed);
        foreach (var proposal in await proposals.OfAsync(Tenant, customers))
        {
            tally.Add("proposal", proposal.Reason, personOf[proposal.CustomerId] == personOf[proposal.OtherCustomerId]);
        }

        Console.WriteLine($"identities {customers.Count}, messages {messages.Count}, families {people.Count(p => p.Family.Count > 0)} persons; "
            + $"decisions: same {outcomes[LinkOutcome.Same]}, link {outcomes[LinkOutcome.Link]}, propose {outcomes[LinkOutcome.Propose]}; "
            + $"{messages.Count / stopwatch.Elapsed.TotalSeconds:N0} messages/s on one thread; links to another person's customer {wrongLinks} "
            + $"({wrongToFamily} to a family member's)");
        Console.WriteLine("| true pairs | linked pairs | correct | precision | recall (all true pairs) | pairs with decisive evidence | recall over them | proposals (right / wrong) | recall with the right proposals accepted |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {score.TruePairs} | {score.LinkedPairs} | {score.CorrectPairs} | {score.Precision:P2} | {score.Recall:P2} | {score.EvidencePairs} | {score.EvidenceRecall:P2} | {score.TrueProposals} / {score.FalseProposals} | {score.RecallWithProposals:P2} |"));
        tally.Print();
    }
}
