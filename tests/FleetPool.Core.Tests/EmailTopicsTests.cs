using System.Collections;
using System.Globalization;
using System.Resources;
using FleetPool.Core.Notifications;

namespace FleetPool.Core.Tests;

/// <summary>Every kind of notice belongs to an e-mail topic a user can turn off, and the stored choice reads back.</summary>
public sealed class EmailTopicsTests
{
    [Fact]
    public void Of_EveryNoticeKindInTheTexts_HasATopic()
    {
        var texts = new ResourceManager("FleetPool.Core.Common.CoreText", typeof(EmailTopics).Assembly).GetResourceSet(CultureInfo.InvariantCulture, true, true)!;
        var kinds = texts.Cast<DictionaryEntry>().Select(e => (string)e.Key).Where(k => k.StartsWith("Notify.", StringComparison.Ordinal)).Select(k => k["Notify.".Length..]).ToList();

        Assert.True(kinds.Count >= 20, $"{kinds.Count} kinds");
        Assert.All(kinds, k => Assert.NotNull(EmailTopics.Of(k)));
    }

    [Fact]
    public void StoreThenParse_TopicsInAnyOrderWithJunk_SameSetBackAndNullForNone()
    {
        var stored = EmailTopics.Store([EmailTopic.Fleet, EmailTopic.Bookings, EmailTopic.Fleet]);

        Assert.Equal("Bookings,Fleet", stored);
        Assert.Equal(new HashSet<EmailTopic> { EmailTopic.Bookings, EmailTopic.Fleet }, EmailTopics.Parse(stored + ",Nonsense"));
        Assert.Null(EmailTopics.Store([]));
        Assert.Empty(EmailTopics.Parse(null));
    }
}
