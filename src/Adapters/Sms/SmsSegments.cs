namespace IntegrationHub.Adapters.Sms;

public enum SmsEncoding
{
    /// <summary>The GSM 03.38 alphabet: 160 characters in one SMS, 153 per part when longer.</summary>
    Gsm7,
    /// <summary>Anything else (Vietnamese with diacritics): 70 characters in one SMS, 67 per part.</summary>
    Ucs2,
}

/// <summary>How many SMS a text costs, counted before sending, since providers bill per segment.</summary>
public sealed record SmsSegments(SmsEncoding Encoding, int Units, int Count)
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // These take an escape character and the character itself: two units each.
    private const string Extension = "^{}\\[~]|€\f";

    public static SmsSegments Of(string text)
    {
        var gsm = text.All(c => Basic.Contains(c) || Extension.Contains(c));
        if (gsm)
        {
            var units = text.Sum(c => Extension.Contains(c) ? 2 : 1);
            return new SmsSegments(SmsEncoding.Gsm7, units, Parts(units, single: 160, part: 153));
        }
        // UTF-16 code units: a character outside the BMP takes two, as it does in UCS-2 encoders.
        return new SmsSegments(SmsEncoding.Ucs2, text.Length, Parts(text.Length, single: 70, part: 67));
    }

    private static int Parts(int units, int single, int part) => units <= single ? 1 : (units + part - 1) / part;
}
