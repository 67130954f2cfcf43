import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountService } from './account.service';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { PasswordResetEntity } from './password-reset.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionService } from './session.service';
import { TokenService } from './token.service';
import { TwoFactorService } from './two-factor.service';
import { UserEntity } from './user.entity';
import { AuthReadPortsModule } from './user-recipients.reader';

/** Users, passwords and tokens: imported by both apps and by the domains that open logins. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity, PasswordResetEntity]), JwtModule.register({}), AuthReadPortsModule],
  providers: [AuthService, PasswordService, TokenService, SessionService, AccountService, TwoFactorService],
  exports: [AuthService, TokenService, PasswordService, SessionService, AccountService, TwoFactorService],
})
export class AuthModule {}
