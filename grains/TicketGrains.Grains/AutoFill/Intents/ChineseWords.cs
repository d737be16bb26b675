using JiebaNet.Segmenter;

namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>
/// jieba's segmentation of a text into words (Chinese words, English words, digit runs, punctuation). jieba.NET reads its
/// dictionary from files that its NuGet package does not copy anywhere: the grains project copies the three it needs
/// to "jieba/" beside the binaries, and this points jieba there before its first use.
/// </summary>
public static class ChineseWords
{
    private static readonly Lazy<JiebaSegmenter> Segmenter = new(Create);

    /// <summary>The folder the dictionary files are read from.</summary>
    public static string DictionaryFolder { get; } = Path.Combine(AppContext.BaseDirectory, "jieba");

    public static IEnumerable<string> Cut(string text) => Segmenter.Value.Cut(text, cutAll: false, hmm: true);

    private static JiebaSegmenter Create()
    {
        var dictionary = Path.Combine(DictionaryFolder, "dict.txt");
        if (!File.Exists(dictionary))
        {
            throw new FileNotFoundException($"jieba's dictionary {dictionary} is missing: the build copies it from the jieba.NET package.", dictionary);
        }

        ConfigManager.ConfigFileBaseDir = DictionaryFolder;
        return new JiebaSegmenter();
    }
}
