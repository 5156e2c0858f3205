import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ATTACHMENT_KINDS, AttachmentKind } from '../case-attachment.entity';

/** Fields sent with the multipart upload (the file itself goes in the `file` part). */
export class AttachmentDto {
  @IsIn(ATTACHMENT_KINDS)
  kind: AttachmentKind;

  /** The party the document concerns, if any. */
  @IsOptional()
  @IsUUID()
  partyId?: string;
}
