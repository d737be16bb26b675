using TicketGrains.Bench;
using TicketGrains.Grains.AutoFill.Intents;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Intents;

/// <summary>The intent bench's fixed evaluation set: read from the folder's own .tsv files and scored file by file.</summary>
public sealed class IntentEvaluationTests
{
    [Fact]
    public void Each_file_gets_its_macro_f1_accuracy_f1_per_category_and_its_misclassified_messages()
    {
        LabelledText[] messages =
        [
            new("退款呢", "refund", "zh-eval.tsv"), new("钱呢", "refund", "zh-eval.tsv"),
            new("开票", "invoice", "zh-eval.tsv"), new("要发票", "invoice", "zh-eval.tsv"),
            new("reset my password", "account", "en-eval.tsv"),
        ];
        var answers = new Dictionary<string, string>
        {
            ["退款呢"] = "refund", ["钱呢"] = "invoice", ["开票"] = "invoice", ["要发票"] = "invoice", ["reset my password"] = "account",
        };

        var files = IntentEvaluation.Score(messages, text => answers[text]);

        Assert.Equal(["en-eval.tsv", "zh-eval.tsv"], files.Select(f => f.File));
        var (en, zh) = (files[0], files[1]);
        Assert.Equal((1.0, 1.0, 1), (en.Card.MacroF1, en.Card.Accuracy, en.Card.Count));
        Assert.Empty(en.Misses);
        Assert.Equal(["invoice", "refund"], zh.Card.Categories);
        Assert.Equal(0.8, zh.Card.F1("invoice"), 12);
        Assert.Equal(2.0 / 3, zh.Card.F1("refund"), 12);
        Assert.Equal((0.8 + 2.0 / 3) / 2, zh.Card.MacroF1, 12);
        Assert.Equal(0.75, zh.Card.Accuracy);
        Assert.Equal([(new LabelledText("钱呢", "refund", "zh-eval.tsv"), "invoice")], zh.Misses);
    }

    [Fact]
    public void Only_the_tsv_files_directly_in_the_folder_are_read()
    {
        var folder = Directory.CreateTempSubdirectory("intent-eval-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "zh-eval.tsv"), "category\ttext\nrefund\t退款呢\n");
            File.WriteAllText(Path.Combine(folder.FullName, "notes.md"), "not read\n");
            Directory.CreateDirectory(Path.Combine(folder.FullName, "old"));
            File.WriteAllText(Path.Combine(folder.FullName, "old", "x.tsv"), "category\ttext\ninvoice\t开票\n");

            Assert.Equal([new LabelledText("退款呢", "refund", "zh-eval.tsv")], IntentEvaluation.Load(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
