using System.Buffers.Binary;
using TicketGrains.Grains.AutoFill.Speech;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Speech;

public sealed class CepstralMeanTests
{
    [Fact]
    public void The_mean_is_taken_over_every_frame_of_every_file()
    {
        var first = FeatureFile(littleEndian: true, Frame(1), Frame(3));
        var second = FeatureFile(littleEndian: true, Frame(8));

        var mean = CepstralMean.FromFeatureFiles([first, second]);

        Assert.Equal(Enumerable.Range(0, 13).Select(c => 4.0 + c), mean);
    }

    [Fact]
    public void A_big_endian_file_is_read_by_its_count()
    {
        var mean = CepstralMean.FromFeatureFiles([FeatureFile(littleEndian: false, Frame(-2), Frame(2))]);

        Assert.Equal(Enumerable.Range(0, 13).Select(c => (double)c), mean);
    }

    [Fact]
    public void No_frame_is_no_mean()
    {
        Assert.Null(CepstralMean.FromFeatureFiles([]));
        Assert.Null(CepstralMean.FromFeatureFiles([FeatureFile(littleEndian: true)]));
    }

    [Fact]
    public void A_frame_that_is_not_a_number_spoils_the_mean()
    {
        var frame = Frame(1);
        frame[4] = float.NaN;

        Assert.Null(CepstralMean.FromFeatureFiles([FeatureFile(littleEndian: true, frame)]));
    }

    [Fact]
    public void The_mean_replaces_the_models_initial_mean_and_keeps_every_other_parameter()
    {
        const string model = "-lowerf 130\n-upperf 6800\n-cmn batch\n-cmninit 41.00,-5.29,-0.12\n-varnorm no\n";

        var parameters = CepstralMean.FeatureParameters(model, [56.954, -5.781, 0]);

        Assert.Equal("-lowerf 130\n-upperf 6800\n-cmn batch\n-varnorm no\n-cmninit 56.95,-5.78,0.00\n", parameters);
    }

    [Fact]
    public void The_mean_is_added_when_the_model_has_no_parameters() =>
        Assert.Equal("-cmninit 1.50,2.00\n", CepstralMean.FeatureParameters("", [1.5, 2]));

    /// <summary>Coefficient c of the frame is <paramref name="offset"/> + c.</summary>
    private static float[] Frame(float offset) => [.. Enumerable.Range(0, 13).Select(c => offset + c)];

    private static byte[] FeatureFile(bool littleEndian, params float[][] frames)
    {
        var values = frames.SelectMany(f => f).ToArray();
        var file = new byte[4 + 4 * values.Length];
        if (littleEndian)
        {
            BinaryPrimitives.WriteInt32LittleEndian(file, values.Length);
        }
        else
        {
            BinaryPrimitives.WriteInt32BigEndian(file, values.Length);
        }

        for (var i = 0; i < values.Length; i++)
        {
            var at = file.AsSpan(4 + 4 * i);
            if (littleEndian)
            {
                BinaryPrimitives.WriteSingleLittleEndian(at, values[i]);
            }
            else
            {
                BinaryPrimitives.WriteSingleBigEndian(at, values[i]);
            }
        }

        return file;
    }
}
