namespace TicketGrains.Grains.Encryption;

/// <summary>How personal values look once stored, and after their customer's erasure.</summary>
public static class PersonalData
{
    /// <summary>What every personal field of an erased customer reads as, in every API response.</summary>
    public const string Erased = "[erased]";

    /// <summary>Prefix of a sealed value: "tge1:{key version}:{base64(nonce|ciphertext|tag)}".</summary>
    public const string SealedPrefix = "tge1:";
}
