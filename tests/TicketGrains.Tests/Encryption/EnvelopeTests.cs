using System.Security.Cryptography;
using System.Text;
using TicketGrains.Grains.Encryption;
using Xunit;

namespace TicketGrains.Tests.Encryption;

public sealed class EnvelopeTests
{
    private static readonly byte[] Context = Encoding.UTF8.GetBytes("data-key\nshop\n1");
    private static readonly Guid Customer = Guid.Parse("0193a3c5-0000-7000-8000-000000000001");

    [Fact]
    public void A_wrapped_key_unwraps_to_the_same_bytes()
    {
        var (kek, dek) = (Aead.NewKey(), Aead.NewKey());
        var wrapped = Aead.Seal(kek, dek, Context);
        Assert.Equal(dek, Aead.Open(kek, wrapped, Context));
        Assert.Equal(12 + 32 + 16, wrapped.Length);
        Assert.False(wrapped.AsSpan().IndexOf(dek) >= 0, "The wrapped key contains the key in clear.");
    }

    [Fact]
    public void Sealing_twice_gives_different_ciphertexts()
    {
        var key = Aead.NewKey();
        Assert.NotEqual(Aead.Seal(key, [1, 2, 3], Context), Aead.Seal(key, [1, 2, 3], Context));
    }

    [Fact]
    public void A_wrong_key_cannot_unwrap()
    {
        var wrapped = Aead.Seal(Aead.NewKey(), Aead.NewKey(), Context);
        Assert.ThrowsAny<CryptographicException>(() => Aead.Open(Aead.NewKey(), wrapped, Context));
    }

    [Fact]
    public void A_wrong_context_cannot_unwrap()
    {
        var kek = Aead.NewKey();
        var wrapped = Aead.Seal(kek, Aead.NewKey(), Context);
        Assert.ThrowsAny<CryptographicException>(() => Aead.Open(kek, wrapped, Encoding.UTF8.GetBytes("data-key\nother-shop\n1")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(59)]
    public void Any_changed_byte_is_refused(int position)
    {
        var kek = Aead.NewKey();
        var wrapped = Aead.Seal(kek, Aead.NewKey(), Context);
        wrapped[position] ^= 0x01;
        Assert.ThrowsAny<CryptographicException>(() => Aead.Open(kek, wrapped, Context));
    }

    [Fact]
    public void A_truncated_value_is_refused()
    {
        var kek = Aead.NewKey();
        Assert.ThrowsAny<CryptographicException>(() => Aead.Open(kek, Aead.Seal(kek, [], Context)[..27], Context));
    }

    [Fact]
    public void Re_wrapping_a_data_key_under_a_new_tenant_key_keeps_old_data_readable()
    {
        var (oldKek, newKek, dek) = (Aead.NewKey(), Aead.NewKey(), Aead.NewKey());
        var sealedField = new PersonalDataCipher("shop", Customer, new CustomerKeys(new Dictionary<int, byte[]?> { [1] = dek }), true).Seal("13900007731");
        var wrappedOld = Aead.Seal(oldKek, dek, Context);

        var wrappedNew = Aead.Seal(newKek, Aead.Open(oldKek, wrappedOld, Context), Context);

        var unwrapped = Aead.Open(newKek, wrappedNew, Context);
        Assert.Equal("13900007731", new PersonalDataCipher("shop", Customer, new CustomerKeys(new Dictionary<int, byte[]?> { [1] = unwrapped }), true).Open(sealedField));
        Assert.ThrowsAny<CryptographicException>(() => Aead.Open(oldKek, wrappedNew, Context));
    }

    [Fact]
    public void Master_rotation_re_wraps_with_the_new_key_and_the_old_one_can_then_be_dropped()
    {
        var (oldMaster, newMaster, tenantKey) = (Aead.NewKey(), Aead.NewKey(), Aead.NewKey());
        var before = new MasterKeys(new EncryptionOptions { MasterKey = Convert.ToBase64String(oldMaster) });
        var wrapped = before.Wrap(tenantKey, Context);
        var during = new MasterKeys(new EncryptionOptions { MasterKey = Convert.ToBase64String(newMaster), PreviousMasterKeys = [Convert.ToBase64String(oldMaster)] });

        var rewrapped = during.Wrap(during.Unwrap(before.CurrentId, wrapped, Context), Context);

        var after = new MasterKeys(new EncryptionOptions { MasterKey = Convert.ToBase64String(newMaster) });
        Assert.Equal(tenantKey, after.Unwrap(after.CurrentId, rewrapped, Context));
        Assert.NotEqual(before.CurrentId, after.CurrentId);
        Assert.ThrowsAny<CryptographicException>(() => after.Unwrap(before.CurrentId, wrapped, Context));
    }

    [Fact]
    public void A_master_key_of_the_wrong_length_stops_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new MasterKeys(new EncryptionOptions { MasterKey = Convert.ToBase64String(new byte[16]) }));
        Assert.Contains("exactly 32 bytes", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new MasterKeys(new EncryptionOptions()));
    }
}
