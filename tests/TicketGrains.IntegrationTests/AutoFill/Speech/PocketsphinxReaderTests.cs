using Microsoft.Extensions.Options;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.AutoFill.Speech;
using TicketGrains.Tests.Attachments;

namespace TicketGrains.IntegrationTests.AutoFill.Speech;

/// <summary>
/// The speech reader with the real tools: a note spoken by flite, converted by sox, decoded by pocketsphinx (en-us)
/// with the digit grammar's second pass; the order or phone number must come out as exactly its digits.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PocketsphinxReaderTests
{
    [Theory]
    [InlineData("rms", "wav", "my order number is three eight eight five one two double seven zero four", "3885127704")]
    [InlineData("rms", "mp3", "please call me on one three eight double zero one two three four five six", "13800123456")]
    [InlineData("awb", "wav", "can you check order number seven six nine zero three zero nine five four two five for me", "76903095425")]
    public async Task A_spoken_number_comes_out_as_exactly_its_digits(string voice, string format, string sentence, string digits)
    {
        using var reader = new PocketsphinxReader(Options.Create(new SpeechOptions()));
        var note = await SpokenNote.SayAsync(voice, sentence, format);

        var text = await reader.ReadAsync(note, "audio/" + format, CancellationToken.None);

        Assert.NotNull(text);
        Assert.Equal("speech", text.Source);
        Assert.Contains(digits, text.Text.Split(' '));
        Assert.InRange(text.Confidence, 0.01, 1);
    }

    [Fact]
    public async Task An_amr_note_longer_than_the_limit_is_refused_naming_the_file()
    {
        using var reader = new PocketsphinxReader(Options.Create(new SpeechOptions { MaxDuration = TimeSpan.FromSeconds(1) }));
        var note = await SpokenNote.SayAsync("slt", "my order number is three eight eight five one two", "amr");

        var refused = await Assert.ThrowsAsync<InvalidFieldException>(() => reader.ReadAsync(note, "audio/amr", CancellationToken.None));

        Assert.Equal(("file", "A voice note may last at most 00:00:01; this one is longer."), (refused.Field, refused.Message));
    }

    [Fact]
    public async Task A_file_with_a_wav_header_and_no_audio_is_refused_naming_the_file()
    {
        using var reader = new PocketsphinxReader(Options.Create(new SpeechOptions()));

        var refused = await Assert.ThrowsAsync<InvalidFieldException>(() => reader.ReadAsync(SampleFiles.Wav(), "audio/wav", CancellationToken.None));

        Assert.Equal("file", refused.Field);
        Assert.StartsWith("The voice note could not be decoded (sox exited with", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amr_file_sox_would_spin_on_is_refused_naming_the_file_without_running_sox()
    {
        // A file that only starts like AMR (the attachment tests' sample): sox ran 10 minutes at full CPU on it.
        using var reader = new PocketsphinxReader(Options.Create(new SpeechOptions { Sox = "/nonexistent/sox" }));

        var refused = await Assert.ThrowsAsync<InvalidFieldException>(() => reader.ReadAsync(SampleFiles.Amr(), "audio/amr", CancellationToken.None));

        Assert.Equal(("file", "The AMR voice note is damaged: frame 2 (byte 59) has the reserved frame type 9."), (refused.Field, refused.Message));
    }

    [Fact]
    public async Task A_conversion_that_does_not_end_is_stopped_at_its_own_deadline_and_frees_the_reader()
    {
        var work = Directory.CreateTempSubdirectory("ticketgrains-stuck-sox-");
        try
        {
            // A stand-in for sox that never ends, as sox does on files this reader has not learnt to refuse yet.
            var stuck = Path.Combine(work.FullName, "sox");
            await File.WriteAllTextAsync(stuck, "#!/bin/sh\nexec sleep 600\n");
            File.SetUnixFileMode(stuck, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var options = new SpeechOptions { Sox = stuck, Timeout = TimeSpan.FromMinutes(5), ConversionTimeout = TimeSpan.FromSeconds(1) };
            using var reader = new PocketsphinxReader(Options.Create(options));

            var first = await Assert.ThrowsAsync<TimeoutException>(() => reader.ReadAsync(SampleFiles.Wav(), "audio/wav", CancellationToken.None));
            var second = await Assert.ThrowsAsync<TimeoutException>(() => reader.ReadAsync(SampleFiles.Wav(), "audio/wav", CancellationToken.None));

            Assert.Equal("sox did not convert the voice note within 00:00:01; it was stopped.", first.Message);
            Assert.Equal(first.Message, second.Message);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
