namespace TicketGrains.LinkingBench;

/// <summary>Writes one person's messages, identity after identity, by the <see cref="PopulationMix"/>.</summary>
public sealed class MessageWriter(Random random, PopulationMix mix)
{
    private const double Day = 1.0;

    /// <summary>The order numbers and e-mail addresses the message being written gives, as written.</summary>
    private readonly List<string> _given = [];

    public IEnumerable<Message> Write(Person person)
    {
        var at = random.NextDouble() * 30 * Day;
        var mentioned = new List<string>();
        var givenBy = new Dictionary<string, Contact>(StringComparer.Ordinal);
        var messages = new List<Message>();
        for (var i = 0; i < person.Identities.Count; i++)
        {
            var contact = person.Identities[i];
            person.Evidence[contact] = contact;
            var chinese = random.Next(3) != 0;
            _given.Clear();
            if (contact.Channel == "email")
            {
                _given.Add(person.Email);
            }

            messages.Add(new Message(contact, at, i == 0 ? First(person, mentioned, chinese) : Later(person, mentioned, chinese)));
            Record(person, contact, givenBy);
            at += Gap();
            for (var more = random.Next(mix.MoreMessages + 1); more > 0; more--)
            {
                messages.Add(new Message(contact, at, random.Next(3) == 0 ? MessageTexts.Greeting(random) : Order(person, mentioned, chinese, fresh: false)));
                Record(person, contact, givenBy);
                at += Gap();
            }
        }

        return messages;
    }

    /// <summary>Joins the contact's evidence group with those of the identities that gave the same keys before.</summary>
    private void Record(Person person, Contact contact, Dictionary<string, Contact> givenBy)
    {
        foreach (var key in _given)
        {
            if (givenBy.TryGetValue(key, out var earlier))
            {
                person.Evidence[person.EvidenceRoot(contact)] = person.EvidenceRoot(earlier);
            }
            else
            {
                givenBy[key] = contact;
            }
        }

        _given.Clear();
    }

    private string First(Person person, List<string> mentioned, bool chinese)
    {
        var parts = new List<string>();
        if (random.NextDouble() < mix.FirstGivesOrder)
        {
            parts.Add(Order(person, mentioned, chinese, fresh: true));
        }

        if (random.NextDouble() < mix.FirstGivesPhone)
        {
            parts.Add(MessageTexts.Phone(random, person.ContactPhone, chinese));
        }

        if (random.NextDouble() < mix.FirstGivesEmail)
        {
            parts.Add(MessageTexts.Email(random, Given(Typo(person.Email)), chinese));
        }

        return parts.Count == 0 ? MessageTexts.Greeting(random) : string.Join(chinese ? "，" : ", ", parts);
    }

    /// <summary>A second or third channel's first message: the hard case.</summary>
    private string Later(Person person, List<string> mentioned, bool chinese)
    {
        var r = random.NextDouble();
        var parts = new List<string>();
        if (r < mix.LaterGivesOrder)
        {
            parts.Add(Order(person, mentioned, chinese, fresh: false));
        }
        else if (r < mix.LaterGivesOrder + mix.LaterGivesEmail)
        {
            parts.Add(MessageTexts.Email(random, Given(Typo(person.Email)), chinese));
        }
        else if (r < mix.LaterGivesOrder + mix.LaterGivesEmail + mix.LaterGivesPhoneOnly)
        {
            return MessageTexts.Phone(random, person.ContactPhone, chinese);
        }
        else
        {
            return MessageTexts.Greeting(random);
        }

        if (random.NextDouble() < mix.LaterAddsPhone)
        {
            parts.Add(MessageTexts.Phone(random, person.ContactPhone, chinese));
        }

        return string.Join(chinese ? "，" : ", ", parts);
    }

    /// <summary>Mostly an order the person gave before (the same matter on another channel), sometimes another own one or a family member's.</summary>
    private string Order(Person person, List<string> mentioned, bool chinese, bool fresh)
    {
        string order;
        if (person.Family.Count > 0 && random.NextDouble() < mix.AsksForFamilyOrder)
        {
            var member = person.Family[random.Next(person.Family.Count)];
            order = member.Orders[random.Next(member.Orders.Count)];
        }
        else if (!fresh && mentioned.Count > 0 && random.Next(5) != 0)
        {
            order = mentioned[random.Next(mentioned.Count)];
        }
        else
        {
            order = person.Orders[random.Next(person.Orders.Count)];
            mentioned.Add(order);
        }

        return MessageTexts.Order(random, Given(Typo(order)), chinese);
    }

    /// <summary>One character wrong: a digit of an order number after its year, a letter of an e-mail address's local part.</summary>
    private string Typo(string value)
    {
        if (random.NextDouble() >= mix.Typo)
        {
            return value;
        }

        var at = value.Contains('@', StringComparison.Ordinal) ? random.Next(value.IndexOf('@', StringComparison.Ordinal)) : 4 + random.Next(value.Length - 4);
        var replacement = char.IsAsciiDigit(value[at]) ? (char)('0' + (value[at] - '0' + 1 + random.Next(9)) % 10) : value[at] == 'x' ? 'y' : 'x';
        return value[..at] + replacement + value[(at + 1)..];
    }

    private string Given(string key)
    {
        _given.Add(key);
        return key;
    }

    private double Gap() => -Math.Log(1 - random.NextDouble()) * Day;
}
