using TicketGrains.Grains.AutoFill.Intents;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Intents;

/// <summary>A silo without its category model stops at start naming the key, the path and the command that builds it.</summary>
public sealed class IntentOptionsTests
{
    [Fact]
    public void An_unset_model_path_is_named_with_the_command_that_builds_the_model()
    {
        var problem = Assert.Single(new IntentOptions().Problems("Intents"));

        Assert.StartsWith("Intents:ModelPath is not set", problem, StringComparison.Ordinal);
        Assert.Contains("train-intents", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_file_is_named_by_its_full_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-model-{Guid.NewGuid():N}.zip");

        var problem = Assert.Single(new IntentOptions { ModelPath = path }.Problems("Intents"));

        Assert.StartsWith($"Intents:ModelPath names {path}, which does not exist", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void The_threshold_must_be_a_probability_above_zero(double threshold)
    {
        var model = Path.GetTempFileName();
        try
        {
            Assert.Equal(["Intents:SetCategoryFrom must be above 0 and at most 1."],
                new IntentOptions { ModelPath = model, SetCategoryFrom = threshold }.Problems("Intents"));
        }
        finally
        {
            File.Delete(model);
        }
    }
}
