using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace TicketGrains.Grains.AutoFill.Intents;

/// <summary>
/// Trains the category model: word unigrams and bigrams (jieba's words, English words) and character 1- to 3-grams of
/// the same text, L2-normalised, into a maximum-entropy classifier (SDCA), whose per-category probabilities are the
/// confidences the API answers. The same seed and data give the same model.
/// </summary>
public static class IntentModelTrainer
{
    public const int DefaultSeed = 20261111;

    public static IntentModel Train(IReadOnlyList<LabelledText> examples, int seed = DefaultSeed)
    {
        var ml = new MLContext(seed);
        var weights = IntentWeights.Balanced(examples);
        var rows = examples.Select((e, i) => new IntentRow { Words = IntentText.Words(e.Text), Category = e.Category, Weight = weights[i] }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(IntentRow.Category))
            .Append(ml.Transforms.Text.FeaturizeText("Features", Featurizing(), nameof(IntentRow.Words)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                ExampleWeightColumnName = nameof(IntentRow.Weight),
                // One thread: SDCA's parallel updates depend on thread timing, and the same seed must give the same model.
                NumberOfThreads = 1,
            }));
        return new IntentModel(ml, pipeline.Fit(data), data.Schema);
    }

    private static TextFeaturizingEstimator.Options Featurizing() => new()
    {
        // IntentText already folded case and width; punctuation ("！！！", "?") and emoji carry meaning in chat.
        CaseMode = TextNormalizingEstimator.CaseMode.None,
        KeepPunctuations = true,
        KeepNumbers = true,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
        CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = true },
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };
}
