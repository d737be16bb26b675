namespace TicketGrains.LinkingBench;

/// <summary>
/// A seeded population of persons writing on mixed channels: families sharing one phone, typos in order numbers and
/// e-mail addresses, e-mail addresses re-used on another channel, order numbers given again on a second channel, and
/// family members asking about each other's orders. The same seed gives the same population and messages.
/// </summary>
public static class Population
{
    private static readonly string[] Channels = ["wechat", "wecom", "douyin", "weibo", "email", "app", "phone"];
    private static readonly string[] Names = ["li", "wang", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "anna", "tom", "mike", "lucy"];
    private static readonly string[] Domains = ["qq.com", "163.com", "126.com", "gmail.com", "outlook.com", "example.cn"];
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

    public static (IReadOnlyList<Person> People, IReadOnlyList<Message> Messages) Generate(int count, int seed, PopulationMix mix)
    {
        var random = new Random(seed);
        var used = new HashSet<string>(StringComparer.Ordinal);
        string Unique(Func<string> make)
        {
            string value;
            do
            {
                value = make();
            }
            while (!used.Add(value));
            return value;
        }

        var people = new List<Person>(count);
        for (var i = 0; i < count; i++)
        {
            var mobile = Unique(() => "1" + "3456789"[random.Next(7)] + Digits(random, 9));
            var email = Unique(() => Names[random.Next(Names.Length)] + random.Next(1_000_000) + "@" + Domains[random.Next(Domains.Length)]);
            var orders = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Unique(() => "2026" + Digits(random, 14))).ToList();
            people.Add(new Person(i, mobile, email, orders));
        }

        FormFamilies(random, people, (int)(count * mix.InFamily));
        var customers = 0;
        foreach (var person in people)
        {
            var identities = Pick(random, mix.Identities) + 1;
            foreach (var channel in Channels.OrderBy(_ => random.Next()).Take(identities))
            {
                person.Identities.Add(new Contact(person, channel, ExternalId(random, person, channel, Unique), CustomerId(++customers)));
            }
        }

        var writer = new MessageWriter(random, mix);
        var messages = people.SelectMany(writer.Write).OrderBy(m => m.At).ToList();
        return (people, messages);
    }

    private static void FormFamilies(Random random, List<Person> people, int members)
    {
        var shuffled = people.OrderBy(_ => random.Next()).ToList();
        for (var at = 0; at < members;)
        {
            var family = shuffled.Skip(at).Take(2 + random.Next(3)).ToList();
            foreach (var member in family)
            {
                member.ContactPhone = family[0].Mobile;
                member.Family.AddRange(family.Where(m => m != member));
            }

            at += family.Count;
        }
    }

    private static string ExternalId(Random random, Person person, string channel, Func<Func<string>, string> unique) => channel switch
    {
        "email" => person.Email,
        "phone" => person.Mobile,
        "wechat" => unique(() => "o" + Token(random, 27)),
        "wecom" => unique(() => "wm" + Token(random, 20)),
        "douyin" => unique(() => "dy_" + Token(random, 24)),
        "weibo" => unique(() => "5" + Digits(random, 9)),
        _ => unique(() => "u-" + Token(random, 10)),
    };

    /// <summary>As the product derives one per identity: each identity's first contact makes its own customer.</summary>
    private static Guid CustomerId(int n) => new($"00000000-0000-7000-8000-{n:x12}");

    private static int Pick(Random random, IReadOnlyList<double> weights)
    {
        var r = random.NextDouble();
        for (var i = 0; i < weights.Count; i++)
        {
            if ((r -= weights[i]) < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    public static string Digits(Random random, int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    private static string Token(Random random, int count) => string.Concat(Enumerable.Range(0, count).Select(_ => Letters[random.Next(Letters.Length)]));
}
