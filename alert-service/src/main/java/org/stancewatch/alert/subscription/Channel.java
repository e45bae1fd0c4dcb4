package org.stancewatch.alert.subscription;

import org.jspecify.annotations.Nullable;

/**
 * Where alerts go.
 *
 * @param type the kind of channel
 * @param address URL for webhooks and chat, an e-mail address for e-mail
 * @param webhookSecret {@code whsec_...} signing secret, for webhooks only
 */
public record Channel(ChannelType type, String address, @Nullable String webhookSecret) {

}
