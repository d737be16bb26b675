namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>
/// The training messages in a data folder (deploy/intents): the Bitext file's instructions under the categories their
/// intents map to, and the project's own examples (every "*-examples.tsv": a header, then category TAB text).
/// </summary>
public static class IntentTrainingSet
{
    public const string BitextFile = "bitext-train.csv";

    public static IReadOnlyList<LabelledText> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The intent training data folder {Path.GetFullPath(folder)} does not exist.");
        }

        var bitext = Path.Combine(folder, BitextFile);
        if (!File.Exists(bitext))
        {
            throw new FileNotFoundException($"{Path.GetFullPath(bitext)} is missing.", bitext);
        }

        using var reader = File.OpenText(bitext);
        var rows = new List<LabelledText>(ReadBitext(reader, BitextFile));
        foreach (var examples in Directory.GetFiles(folder, "*-examples.tsv").Order(StringComparer.Ordinal))
        {
            using var tsv = File.OpenText(examples);
            rows.AddRange(ReadExamples(tsv, Path.GetFileName(examples)));
        }

        return rows;
    }

    public static IEnumerable<LabelledText> ReadBitext(TextReader reader, string source)
    {
        using var records = CsvRecords.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            yield break;
        }

        var header = records.Current;
        var (instruction, intent) = (Column(header, "instruction", source), Column(header, "intent", source));
        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.Count > Math.Max(instruction, intent) && BitextIntents.CategoryOf(record[intent]) is { } category)
            {
                yield return new LabelledText(record[instruction], category, source);
            }
        }
    }

    public static IEnumerable<LabelledText> ReadExamples(TextReader reader, string source)
    {
        var line = reader.ReadLine();
        var number = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            var category = tab > 0 ? line[..tab] : "";
            if (!TicketGrains.Abstractions.Catalog.TicketCatalog.IntentCategories.Contains(category) || tab == line.Length - 1)
            {
                throw new FormatException($"{source} line {number}: expected a category code, a tab and a message.");
            }

            yield return new LabelledText(line[(tab + 1)..], category, source);
        }
    }

    private static int Column(IReadOnlyList<string> header, string name, string source)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == name)
            {
                return i;
            }
        }

        throw new FormatException($"{source} has no column \"{name}\".");
    }
}
