using System.Security.Cryptography;
using TicketGrains.Api.Security;
using Xunit;

namespace TicketGrains.Tests.Security;

public sealed class SigningKeysTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tg-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Without_keys_and_without_the_dev_issuer_the_process_refuses_to_start()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => SigningKeys.Load(new AuthOptions()));

        Assert.Contains("Auth:SigningKeys:0", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_key_shorter_than_32_bytes_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => SigningKeys.Load(new AuthOptions { SigningKeys = [Convert.ToBase64String(new byte[31])] }));

    [Fact]
    public void Configured_keys_win_over_the_dev_key_and_all_of_them_validate()
    {
        var (first, second) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(48));

        var keys = SigningKeys.Load(new AuthOptions
        {
            DevIssuer = true,
            DevKeyFile = DevKeyFile,
            SigningKeys = [Convert.ToBase64String(first), Convert.ToBase64String(second)],
        });

        Assert.Equal([first, second], keys.Select(k => k.Key));
        Assert.False(File.Exists(DevKeyFile));
    }

    [Fact]
    public void The_dev_key_is_generated_once_privately_and_shared_by_processes_starting_together()
    {
        var options = new AuthOptions { DevIssuer = true, DevKeyFile = DevKeyFile };

        var loaded = Enumerable.Range(0, 32).AsParallel().WithDegreeOfParallelism(16).Select(_ => SigningKeys.Load(options).Single().Key).ToList();
        var later = SigningKeys.Load(options).Single();

        Assert.All(loaded, key => Assert.Equal(later.Key, key));
        Assert.Equal(32, later.Key.Length);
        // No half-written or aside file is left: only the key and the lock file that made one process its creator.
        Assert.Equal([Path.GetFileName(DevKeyFile), Path.GetFileName(DevKeyFile) + ".lock"],
            Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DevKeyFile));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string DevKeyFile => Path.Combine(_folder, "dev-signing-key");
}
