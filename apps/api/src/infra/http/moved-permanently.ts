import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * 301 to where a public address now leads (a person merged into another):
 * answered by the error filter with a Location header, never cached as a page.
 */
export class MovedPermanently extends HttpException {
  constructor(readonly location: string) {
    super({ message: `Moved to ${location}` }, HttpStatus.MOVED_PERMANENTLY);
  }
}
