using TicketGrains.Grains.AutoFill.Ocr;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Ocr;

public sealed class ImagePreparationTests
{
    [Fact]
    public void A_light_wide_screenshot_is_made_grey_stretched_and_straightened() =>
        Assert.Equal(["png:-[0]", "-colorspace", "Gray", "-normalize", "-deskew", "40%", "+repage", "png:-"],
            ImagePreparation.PrepareArguments("png", 1080, 0.9, 1000));

    [Fact]
    public void A_dark_narrow_screenshot_is_inverted_and_enlarged_to_the_least_width() =>
        Assert.Equal(["jpeg:-[0]", "-colorspace", "Gray", "-negate", "-resize", "250%", "-normalize", "-deskew", "40%", "+repage", "png:-"],
            ImagePreparation.PrepareArguments("jpeg", 400, 0.2, 1000));

    [Theory]
    [InlineData("image/png", "png")]
    [InlineData("image/jpeg", "jpeg")]
    [InlineData("image/webp", "webp")]
    [InlineData("image/gif", null)]
    [InlineData("audio/amr", null)]
    public void Only_png_jpeg_and_webp_are_read_each_by_its_own_coder(string contentType, string? coder) =>
        Assert.Equal(coder, ImagePreparation.CoderOf(contentType));

    [Fact]
    public void The_mean_brightness_is_read_from_imagemagicks_answer_and_unreadable_means_light()
    {
        Assert.Equal(0.125, ImagePreparation.ParseMean("0.125\n"u8.ToArray()));
        Assert.Equal(1, ImagePreparation.ParseMean("nan?"u8.ToArray()));
    }
}
