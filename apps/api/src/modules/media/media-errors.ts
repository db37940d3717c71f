import { HttpException, HttpStatus } from '@nestjs/common';

export class UnsupportedMediaType extends HttpException {
  constructor(message: string) {
    super(message, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }
}

export class PayloadTooLarge extends HttpException {
  constructor(message: string) {
    super(message, HttpStatus.PAYLOAD_TOO_LARGE);
  }
}

export class LengthRequired extends HttpException {
  constructor() {
    super('Send the file with a Content-Length header', HttpStatus.LENGTH_REQUIRED);
  }
}

export class ImageTooLarge extends HttpException {
  constructor(message: string) {
    super(message, HttpStatus.UNPROCESSABLE_ENTITY);
  }
}

/** Every rendering slot and queue place is taken: the client should ask again shortly (the error filter sends Retry-After). */
export class RenderingBusy extends HttpException {
  readonly retryAfterSeconds = 2;
  constructor() {
    super('Too many images are being rendered; try again shortly', HttpStatus.SERVICE_UNAVAILABLE);
  }
}

/** The client closed its connection while its rendering waited: nobody is left to answer (the 499 of nginx's logs). */
export class ClientGone extends HttpException {
  constructor() {
    super('The client closed the connection before its image was rendered', 499);
  }
}
