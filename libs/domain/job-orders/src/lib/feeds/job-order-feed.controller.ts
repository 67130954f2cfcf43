import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { Public, PublicThrottleGuard } from '@puente/auth';
import { DomainException } from '@puente/common';
import { feedLanguage, matchesEtag } from '../job-order-feed.rules';
import { FeedDocument, JobOrderFeedService } from './job-order-feed.service';

/** What the handlers need of Fastify's request and reply (typed here: a domain library does not import Fastify). */
interface FeedRequest {
  headers: Record<string, string | string[] | undefined>;
}
interface FeedReply {
  status(code: number): FeedReply;
  header(name: string, value: string): FeedReply;
  send(body?: string): unknown;
}

/**
 * The public feeds of the open job orders at stable addresses, no sign-in, no token: RSS 2.0 and JSON Feed 1.1,
 * Spanish unless `?lang=en`, and one order at the address each item links to. Every route counts against the
 * per-address limit of public reads (PublicThrottleGuard: 429 with Retry-After beyond it). Answers carry
 * `Cache-Control: public, max-age=<PUBLIC_CACHE_TTL_SECONDS>` and an ETag (a matching If-None-Match is 304), and
 * may be read by any web page (`Access-Control-Allow-Origin: *`: public data, no credentials).
 */
@Public()
@UseGuards(PublicThrottleGuard)
@Controller('feeds')
export class JobOrderFeedController {
  constructor(private readonly feeds: JobOrderFeedService) {}

  @Get('job-orders.rss')
  async rss(@Query('lang') lang: unknown, @Req() request: FeedRequest, @Res() reply: FeedReply): Promise<void> {
    this.send(request, reply, await this.feeds.feed('rss', feedLanguage(lang)));
  }

  @Get('job-orders.json')
  async json(@Query('lang') lang: unknown, @Req() request: FeedRequest, @Res() reply: FeedReply): Promise<void> {
    this.send(request, reply, await this.feeds.feed('json', feedLanguage(lang)));
  }

  /** `/feeds/job-orders/JO-2026-000123.json`: one open order, as a JSON Feed of one item. */
  @Get('job-orders/:file')
  async order(@Param('file') file: string, @Query('lang') lang: unknown, @Req() request: FeedRequest, @Res() reply: FeedReply): Promise<void> {
    const reference = /^(.+)\.json$/i.exec(file)?.[1];
    if (!reference) throw DomainException.notFound('Job order');
    this.send(request, reply, await this.feeds.order(reference, feedLanguage(lang)));
  }

  private send(request: FeedRequest, reply: FeedReply, document: FeedDocument): void {
    reply
      .header('cache-control', `public, max-age=${this.feeds.maxAgeSeconds}`)
      .header('etag', document.etag)
      .header('access-control-allow-origin', '*');
    if (matchesEtag(request.headers['if-none-match'], document.etag)) {
      reply.status(304).send();
      return;
    }
    reply.header('content-type', document.contentType).status(200).send(document.body);
  }
}
