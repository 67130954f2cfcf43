import { Injectable } from '@nestjs/common';
import { Feed } from 'feed';
import { TtlCache } from '@puente/common';
import { PuenteConfig } from '@puente/config';
import { PublicJobOrderService } from '../public-job-order.service';
import type { PublicJobOrderModel } from '../graphql/public-job-order.model';
import {
  cdataSafe,
  etagOf,
  FEED_WORDS,
  FeedLanguage,
  feedItemData,
  feedItemHtml,
  feedItemText,
  orderUrl,
} from '../job-order-feed.rules';

export type FeedFormat = 'rss' | 'json';

/** A rendered document of the feeds, with its tag for conditional requests. */
export interface FeedDocument {
  body: string;
  etag: string;
  contentType: string;
}

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/**
 * The feeds of the open orders (RSS 2.0 and JSON Feed 1.1, Spanish or English), built with the `feed` package from
 * `PublicJobOrderService.latest()`: the same orders as `publicJobOrders`, the most recently approved first, at most
 * MAX_FEED_ITEMS. Each document is rendered once per PUBLIC_CACHE_TTL_SECONDS in this process and the same orders
 * give the same bytes (dates come from the orders, never from the clock), so its ETag agrees across processes.
 */
@Injectable()
export class JobOrderFeedService {
  private readonly documents: TtlCache<FeedDocument>;

  constructor(
    private readonly orders: PublicJobOrderService,
    private readonly config: PuenteConfig,
  ) {
    this.documents = new TtlCache(config.publicData.cacheTtlSeconds * 1000);
  }

  /** How long a client or a proxy may keep a document: the cache's own time (Cache-Control max-age). */
  get maxAgeSeconds(): number {
    return this.config.publicData.cacheTtlSeconds;
  }

  /** The feed of the open orders in one format and language. */
  feed(format: FeedFormat, lang: FeedLanguage): Promise<FeedDocument> {
    return this.documents.get(`${format}|${lang}`, async () => {
      const items = await this.orders.latest();
      const self = `${this.config.publicUrl}/feeds/job-orders.${format}${lang === 'en' ? '?lang=en' : ''}`;
      return format === 'rss' ? this.rss(items, lang, self) : this.json(items, lang, self);
    });
  }

  /**
   * One open order, the address each item links to: a JSON Feed document with that one item, or NOT_FOUND when no
   * open order has the reference (filled, cancelled, started, or none).
   */
  async order(reference: string, lang: FeedLanguage): Promise<FeedDocument> {
    const order = await this.orders.openByReference(reference);
    const self = `${orderUrl(this.config.publicUrl, order.reference)}${lang === 'en' ? '?lang=en' : ''}`;
    return this.json([order], lang, self);
  }

  /** Forgets the documents kept (tests; a process that must show a change at once). */
  clearCache(): void {
    this.documents.clear();
  }

  private build(items: readonly PublicJobOrderModel[], lang: FeedLanguage, self: string, format: FeedFormat): Feed {
    const words = FEED_WORDS[lang];
    const feed = new Feed({
      id: self,
      title: words.title,
      description: words.description,
      link: this.config.publicUrl,
      language: lang,
      // The newest approval, not the clock: the same orders render the same document (and ETag) everywhere.
      updated: items[0]?.approvedAt ?? new Date(0),
      generator: 'Puente',
      ttl: Math.max(1, Math.ceil(this.maxAgeSeconds / 60)),
      feedLinks: format === 'rss' ? { rss: self } : { json: self },
    });
    for (const order of items) {
      const text = feedItemText(order, lang);
      const url = orderUrl(this.config.publicUrl, order.reference);
      feed.addItem({
        id: url,
        link: url,
        title: cdataSafe(text.title),
        description: cdataSafe(text.summary),
        content: feedItemHtml(text),
        date: order.approvedAt,
        published: order.approvedAt,
        category: [{ name: cdataSafe(order.occupation.title) }],
        ...(format === 'json' ? { extensions: [{ name: '_puente', objects: feedItemData(order) }] } : {}),
      });
    }
    return feed;
  }

  private rss(items: readonly PublicJobOrderModel[], lang: FeedLanguage, self: string): FeedDocument {
    return document(this.build(items, lang, self, 'rss').rss2(), 'rss');
  }

  /** JSON Feed 1.1: the package writes version 1 (whose fields 1.1 keeps); the version and the language are 1.1's. */
  private json(items: readonly PublicJobOrderModel[], lang: FeedLanguage, self: string): FeedDocument {
    const { version: _version, ...rest } = JSON.parse(this.build(items, lang, self, 'json').json1()) as Record<string, unknown>;
    return document(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', language: lang, ...rest }, null, 2), 'json');
  }
}

function document(body: string, format: FeedFormat): FeedDocument {
  return { body, etag: etagOf(body), contentType: CONTENT_TYPES[format] };
}
