import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { Public } from '@puente/auth';
import { DomainException, ErrorCode } from '@puente/common';
import type { Readable } from 'node:stream';
import { ExportsService } from '../exports.service';

/** What the route needs of Fastify's reply (typed here: a domain library does not import Fastify). */
interface DownloadReply {
  status(code: number): DownloadReply;
  header(name: string, value: string): DownloadReply;
  send(body: Readable): unknown;
}

/**
 * `GET /exports/:id/file?token=…`: an export's file for its requester, through the link `export(id)` hands out
 * (signed for the export, the user and 15 minutes; no sign-in header, so a browser can follow it). A bad, tampered,
 * expired or foreign link is 403, and so is a user no longer active or no longer staff; an export not theirs, not
 * ready or expired is 404: neither says why. The file is sent as an attachment, never cached, its parts streamed.
 */
@Public()
@Controller('exports')
export class ExportDownloadController {
  constructor(private readonly exports: ExportsService) {}

  @Get(':id/file')
  async download(@Param('id') id: string, @Query('token') token: unknown, @Res() reply: DownloadReply): Promise<void> {
    const file = await this.exports.openDownload(id, typeof token === 'string' ? token : null);
    if (file === 'FORBIDDEN') throw new DomainException(ErrorCode.FORBIDDEN, 'This link does not open a file. Ask for the export again from Puente.');
    if (file === 'NOT_FOUND') throw DomainException.notFound('Export');
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('content-length', String(file.byteSize))
      .header('cache-control', 'no-store')
      .status(200)
      .send(file.body);
  }
}
