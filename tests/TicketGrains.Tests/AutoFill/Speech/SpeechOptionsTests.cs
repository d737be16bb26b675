using TicketGrains.Grains.AutoFill.Speech;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Speech;

public sealed class SpeechOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(new SpeechOptions().Problems("Speech"));

    [Fact]
    public void Each_wrong_value_is_named_by_its_key()
    {
        var options = new SpeechOptions
        {
            Pocketsphinx = " ", Mode = "fast", MaxBytes = 10, MaxDuration = TimeSpan.Zero, Timeout = TimeSpan.FromHours(1), ConversionTimeout = TimeSpan.Zero,
            Concurrency = 0,
        };

        Assert.Equal(
        [
            "Speech:Pocketsphinx must name a program or directory.",
            "Speech:Mode must be 'digits' or 'general', not 'fast'.",
            "Speech:MaxBytes must be between 1024 and 67108864, not 10.",
            "Speech:MaxDuration must be between 00:00:01 and 00:30:00, not 00:00:00.",
            "Speech:Timeout must be between 00:00:01 and 00:30:00, not 01:00:00.",
            "Speech:ConversionTimeout must be between 00:00:01 and the Timeout (01:00:00), not 00:00:00.",
            "Speech:Concurrency must be between 1 and 64, not 0.",
        ], options.Problems("Speech"));
    }

    [Fact]
    public void A_conversion_deadline_past_the_whole_deadline_is_refused() =>
        Assert.Equal(["Speech:ConversionTimeout must be between 00:00:01 and the Timeout (00:00:10), not 00:00:20."],
            new SpeechOptions { Timeout = TimeSpan.FromSeconds(10), ConversionTimeout = TimeSpan.FromSeconds(20) }.Problems("Speech"));

    [Fact]
    public void Sox_is_asked_for_raw_16_khz_mono_16_bit_cut_a_second_past_the_limit() =>
        Assert.Equal(
            ["-V1", "-t", "amr-nb", "in", "-t", "raw", "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-L", "out", "trim", "0", "121"],
            Pcm.ConversionArguments("in", "amr-nb", "out", TimeSpan.FromMinutes(2)));
}
