namespace IopTelehealth.Testing;

/// <summary>Signaling connections (owners) for calls straight to a media plane: one page, and a second page of the same participant.</summary>
public static class MediaOwners
{
    public const string Page = "page-1";

    public const string NewPage = "page-2";
}
