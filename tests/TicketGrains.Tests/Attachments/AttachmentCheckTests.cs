using TicketGrains.Grains.Attachments;
using Xunit;

namespace TicketGrains.Tests.Attachments;

public sealed class AttachmentCheckTests
{
    private static readonly AttachmentOptions Limits = new() { ImageMaxBytes = 4096, TextMaxBytes = 10 };

    [Fact]
    public void A_file_within_its_kinds_limit_is_accepted_as_its_content_says()
    {
        var verdict = AttachmentCheck.Check(SampleFiles.Png(4096), Limits);

        Assert.Equal(FileTypes.Png, Assert.IsType<AttachmentVerdict.Accepted>(verdict).Type);
    }

    [Fact]
    public void Each_kind_has_its_own_limit()
    {
        var image = Assert.IsType<AttachmentVerdict.Refused>(AttachmentCheck.Check(SampleFiles.Png(4097), Limits));
        var text = Assert.IsType<AttachmentVerdict.Refused>(AttachmentCheck.Check(SampleFiles.Text("eleven char"), Limits));

        Assert.Equal((413, 413), (image.Status, text.Status));
        Assert.Contains("png (image) of 4097 bytes; at most 4096", image.Detail, StringComparison.Ordinal);
        Assert.Contains("text (text) of 11 bytes; at most 10", text.Detail, StringComparison.Ordinal);
        Assert.IsType<AttachmentVerdict.Accepted>(AttachmentCheck.Check(SampleFiles.Amr(8192), Limits));
    }

    [Fact]
    public void Unknown_content_is_415_and_an_empty_file_400()
    {
        var unknown = Assert.IsType<AttachmentVerdict.Refused>(AttachmentCheck.Check(SampleFiles.Executable(), Limits));
        var empty = Assert.IsType<AttachmentVerdict.Refused>(AttachmentCheck.Check([], Limits));

        Assert.Equal((415, 400), (unknown.Status, empty.Status));
        Assert.Contains("not trusted", unknown.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_out_of_range_are_named_with_their_key()
    {
        var options = new AttachmentOptions { VideoMaxBytes = 0, DocumentMaxBytes = AttachmentOptions.Ceiling + 1, FetchAttempts = 0 };

        Assert.Equal(
            [
                $"Attachments:VideoMaxBytes must be between 1 and {AttachmentOptions.Ceiling}, not 0.",
                $"Attachments:DocumentMaxBytes must be between 1 and {AttachmentOptions.Ceiling}, not {AttachmentOptions.Ceiling + 1}.",
                "Attachments:FetchAttempts must be between 1 and 100, not 0.",
            ],
            options.Problems(AttachmentOptions.Section));
        Assert.Empty(new AttachmentOptions().Problems(AttachmentOptions.Section));
        Assert.Equal(25L * 1024 * 1024, new AttachmentOptions().LargestBytes);
    }
}
