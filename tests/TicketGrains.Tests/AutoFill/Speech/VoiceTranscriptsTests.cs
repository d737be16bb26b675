using Microsoft.Extensions.Logging.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.AutoFill;
using TicketGrains.Grains.AutoFill.Speech;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Speech;

public sealed class VoiceTranscriptsTests
{
    private static readonly byte[] Audio = [1, 2, 3];

    [Fact]
    public async Task The_platforms_recognition_comes_first_and_the_file_is_not_even_opened()
    {
        var reader = new ScriptedReader(_ => new MediaText("heard", "speech", 0.5));
        var opened = 0;

        var transcript = await new VoiceTranscripts([reader], NullLogger<VoiceTranscripts>.Instance)
            .ForAsync("voice", "我要退货", "audio/amr", _ => { opened++; return Task.FromResult<byte[]?>(Audio); }, CancellationToken.None);

        Assert.Equal(new AttachmentTranscript("我要退货", "speech", 0.8), transcript);
        Assert.Equal((0, 0), (opened, reader.Calls));
    }

    [Fact]
    public async Task Without_recognition_the_speech_reader_hears_the_file()
    {
        var reader = new ScriptedReader(bytes => new MediaText($"order {bytes.Length}", "speech", 0.42));

        var transcript = await new VoiceTranscripts([new ScriptedReader(_ => null, "ocr"), reader], NullLogger<VoiceTranscripts>.Instance)
            .ForAsync("voice", null, "audio/wav", _ => Task.FromResult<byte[]?>(Audio), CancellationToken.None);

        Assert.Equal(new AttachmentTranscript("order 3", "speech", 0.42), transcript);
    }

    [Fact]
    public async Task A_failing_reader_a_file_gone_or_a_message_that_is_no_voice_gives_no_transcript()
    {
        var failing = new VoiceTranscripts([new ScriptedReader(_ => throw new SpeechToolException("sox exited with 2", 2))], NullLogger<VoiceTranscripts>.Instance);
        var silent = new VoiceTranscripts([new ScriptedReader(_ => null)], NullLogger<VoiceTranscripts>.Instance);

        Assert.Null(await failing.ForAsync("voice", null, "audio/wav", _ => Task.FromResult<byte[]?>(Audio), CancellationToken.None));
        Assert.Null(await silent.ForAsync("voice", null, "audio/wav", _ => Task.FromResult<byte[]?>(null), CancellationToken.None));
        Assert.Null(await silent.ForAsync("voice", null, "audio/wav", _ => Task.FromResult<byte[]?>(Audio), CancellationToken.None));
        Assert.Null(await silent.ForAsync("file", null, "audio/wav", _ => Task.FromResult<byte[]?>(Audio), CancellationToken.None));
    }

    private sealed class ScriptedReader(Func<byte[], MediaText?> hear, string source = "speech") : IMediaTextReader
    {
        public int Calls { get; private set; }

        public string Source => source;

        public bool Reads(string contentType) => contentType.StartsWith("audio/", StringComparison.Ordinal);

        public Task<MediaText?> ReadAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(hear(content.ToArray()));
        }
    }
}
