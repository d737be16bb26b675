using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.AutoFill.Intents;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Intents;

/// <summary>Reading the training files: Bitext's CSV with quoted fields, the project's TSV files, and the data in deploy/intents.</summary>
public sealed class IntentTrainingSetTests
{
    [Fact]
    public void Bitext_rows_map_their_intent_and_quoted_fields_with_commas_quotes_and_line_breaks_stay_whole()
    {
        const string csv = "context,role,instruction,intent,response\n" +
            "cs,va,\"i want a refund, now\",get_refund,\"Sure, \"\"right away\"\"\nline two\"\r\n" +
            "cs,va,where is my order,track_order,ok\n" +
            "cs,va,something else,unknown_intent,ok\n";

        var rows = IntentTrainingSet.ReadBitext(new StringReader(csv), "b.csv").ToList();

        Assert.Equal([new LabelledText("i want a refund, now", "refund", "b.csv"), new LabelledText("where is my order", "logistics", "b.csv")], rows);
    }

    [Fact]
    public void Example_lines_need_a_known_category()
    {
        var good = IntentTrainingSet.ReadExamples(new StringReader("category\ttext\nrefund\t退款呢\n\ninvoice\t开票\n"), "x.tsv").ToList();
        var bad = Assert.Throws<FormatException>(() => IntentTrainingSet.ReadExamples(new StringReader("category\ttext\nrefunds\t退款\n"), "x.tsv").ToList());

        Assert.Equal([new LabelledText("退款呢", "refund", "x.tsv"), new LabelledText("开票", "invoice", "x.tsv")], good);
        Assert.Equal("x.tsv line 2: expected a category code, a tab and a message.", bad.Message);
    }

    [Fact]
    public void The_repository_data_has_chinese_for_every_category_and_english_for_every_category()
    {
        var examples = IntentTrainingSet.Load(Path.Combine(RepositoryRoot(), "deploy", "intents"));
        var chinese = examples.Where(e => IntentWeights.IsChinese(e.Text)).CountBy(e => e.Category).ToDictionary();
        var english = examples.Where(e => !IntentWeights.IsChinese(e.Text)).CountBy(e => e.Category).ToDictionary();

        Assert.All(TicketCatalog.IntentCategories, c => Assert.InRange(chinese.GetValueOrDefault(c), 50, int.MaxValue));
        Assert.All(TicketCatalog.IntentCategories, c => Assert.InRange(english.GetValueOrDefault(c), 50, int.MaxValue));
    }

    [Fact]
    public void Weights_even_out_groups_by_the_square_root_of_their_size_ratio()
    {
        LabelledText[] examples = [new("a", "refund", "s"), new("b", "refund", "s"), new("c", "refund", "s"), new("d", "refund", "s"), new("退款", "refund", "s")];

        var weights = IntentWeights.Balanced(examples);

        // Two groups, mean size 2.5: the four English rows weigh sqrt(2.5 / 4), the one Chinese row sqrt(2.5).
        Assert.Equal([0.7906f, 0.7906f, 0.7906f, 0.7906f, 1.5811f], weights.Select(w => MathF.Round(w, 4)));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TicketGrains.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No TicketGrains.sln above the test output.");
    }
}
