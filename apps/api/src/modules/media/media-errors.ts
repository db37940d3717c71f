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
